package app.patella.shell.screens

import app.patella.core.SessionResult
import app.patella.core.TodayScreen
import app.patella.shell.session.AppSession
import app.patella.shell.session.CadenceSource
import app.patella.shell.session.RunStart
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.map

/** The Today screen as drawn. */
data class TodayUiState(
    val title: String,
    val summary: String,
    val notes: List<String>,
    val sessions: List<TodaySessionRow>,
    /** The check-in the coach asks for today, if any. */
    val checkInPrompt: String?,
    val advisories: List<String>,
    val emptyState: String?,
    val disclaimer: String,
) {
    companion object {
        fun of(screen: TodayScreen) = TodayUiState(
            title = screen.title,
            summary = screen.summary,
            notes = screen.notes,
            sessions = screen.sessions.mapIndexed { i, s ->
                TodaySessionRow(
                    index = i,
                    title = s.title,
                    summary = s.summary,
                    notes = s.notes,
                    statusLabel = s.statusLabel,
                    canStartRun = s.canStartRun,
                    canMarkDone = s.canMarkDone,
                    canMarkSkipped = s.canMarkSkipped,
                    exercises = s.exercises.map { e -> ExerciseRow(e.name, e.partLabel, e.dose, e.cues, e.insteadOf) },
                )
            },
            checkInPrompt = screen.checkInDue?.prompt,
            advisories = screen.advisories,
            emptyState = screen.emptyState,
            disclaimer = screen.disclaimer,
        )
    }
}

data class TodaySessionRow(
    val index: Int,
    val title: String,
    val summary: String,
    val notes: List<String>,
    val statusLabel: String,
    val canStartRun: Boolean,
    val canMarkDone: Boolean,
    val canMarkSkipped: Boolean,
    val exercises: List<ExerciseRow>,
)

data class ExerciseRow(val name: String, val partLabel: String, val dose: String, val cues: List<String>, val insteadOf: String?)

sealed interface TodayIntent {
    data class MarkDone(val index: Int) : TodayIntent
    data class MarkSkipped(val index: Int) : TodayIntent
    data class StartRun(val cadence: CadenceSource) : TodayIntent
}

/** Today's plan from `Coach.todayScreen`, read again whenever the record changes. */
class TodayPresenter(
    private val session: AppSession,
    private val date: () -> String,
    main: CoroutineDispatcher,
) : Presenter<TodayUiState>(main) {
    private fun read(): TodayScreen = session.coach.todayScreen(date())

    override val state: StateFlow<TodayUiState> =
        session.recordRevision.map { TodayUiState.of(read()) }.published(TodayUiState.of(read()))

    /** The outcome of the last run start asked for here. */
    var lastStart: RunStart? = null
        private set

    fun onIntent(intent: TodayIntent) {
        when (intent) {
            is TodayIntent.MarkDone -> mark(intent.index, SessionResult.DONE)
            is TodayIntent.MarkSkipped -> mark(intent.index, SessionResult.SKIPPED)
            is TodayIntent.StartRun -> lastStart = session.startRun(date(), intent.cadence)
        }
    }

    private fun mark(index: Int, result: SessionResult) {
        val row = read().sessions.getOrNull(index) ?: return
        session.coach.markSession(date(), row.session, result)
        session.recordChanged()
    }
}
