package app.patella.shell.support

import app.patella.core.ExperienceLevel
import app.patella.core.RunningGoal
import app.patella.shell.fakes.FakeClock
import app.patella.shell.session.AppSession

/** A runner's first week: the plan starts Monday 23 November 2026; Tuesday 24 is a run day. */
object RunDay {
    const val PLAN_START = "2026-11-23"
    const val DATE = "2026-11-24"

    /** A new runner: Tuesday is run/walk, 3 × (30 s run / 4 min walk). */
    fun prepare(session: AppSession) {
        session.coach.saveProfile(ScriptedDay.runner().copy(kneePain = 0u), PLAN_START)
    }

    /** A regular runner, 90 min a week, baseline 160 steps/min: Tuesday is 30 min of running. */
    fun prepareRegular(session: AppSession) {
        val profile = ScriptedDay.runner().copy(
            experience = ExperienceLevel.REGULAR,
            weeklyMinutes = 90u,
            goal = RunningGoal.WeeklyDistance(20.0),
            kneePain = 0u,
            cadenceBaselineSpm = 160.0,
        )
        session.coach.saveProfile(profile, PLAN_START)
    }

    /**
     * [seconds] of running at one step every [stepMs], as the phone's step
     * detector reports them, with the service's tick each second.
     */
    fun runFor(session: AppSession, clock: FakeClock, seconds: Int, stepMs: ULong = 375u, each: (Int) -> Unit = {}) {
        // The step phase runs on across seconds: restarting it each second
        // would make 375 ms steps two a second, 120 steps/min, not 160.
        var step = clock.monotonic + stepMs
        repeat(seconds) { s ->
            val next = clock.monotonic + 1_000u
            while (step <= next) {
                session.onStep(step)
                step += stepMs
            }
            clock.monotonic = next
            session.tick()
            each(s)
        }
    }
}
