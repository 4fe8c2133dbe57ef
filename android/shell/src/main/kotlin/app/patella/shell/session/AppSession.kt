package app.patella.shell.session

import app.patella.core.AppSettings
import app.patella.core.CheckIn
import app.patella.core.CheckInMoment
import app.patella.core.Coach
import app.patella.core.FoundSensor
import app.patella.core.PushedScanState
import app.patella.core.RecordStore
import app.patella.core.RunCompletion
import app.patella.core.RunEvent
import app.patella.core.RunScreen
import app.patella.core.RunSession
import app.patella.core.SensorClient
import app.patella.core.SensorConnectionState
import app.patella.core.SensorPickerScreen
import app.patella.core.UnfinishedRun
import app.patella.core.runSettingsFor
import app.patella.core.stepDetectorSample
import app.patella.core.unfinishedRun as unfinishedRunIn
import app.patella.shell.bridge.MainThreadRelay
import app.patella.shell.bridge.RunEventRelay
import app.patella.shell.bridge.SensorCall
import app.patella.shell.bridge.SensorEventRelay
import app.patella.shell.cue.CuePlayer
import app.patella.shell.cue.CuePolicy
import app.patella.shell.cue.CuePreferences
import app.patella.shell.ports.Clock
import java.util.UUID
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/**
 * The app's one session with the core: it owns the record, the coach, the
 * sensor client and the run, opens and closes them, and brings a run back
 * after the process was killed. The foreground `RunService` holds it, so a
 * run outlives the activity; screens read it through their presenters.
 *
 * Every method is called on the main thread; observer calls from the
 * library's threads arrive there through [MainThreadRelay], in order.
 */
class AppSession private constructor(
    val store: RecordStore,
    val coach: Coach,
    private val clock: Clock,
    private val player: CuePlayer,
    main: CoroutineDispatcher,
    private val newRunId: () -> String,
) : AutoCloseable {
    private val relay = MainThreadRelay(main)
    private val sensor = SensorClient()
    private var active: RunSession? = null
    private var source: CadenceSource? = null
    private val steps = StepLog()
    private var prefs = CuePreferences.from(store.settings())

    private val runScreen = MutableStateFlow<RunScreen?>(null)
    private val picker = MutableStateFlow(sensor.pickerScreen())
    private val sensorState = MutableStateFlow<SensorConnectionState>(SensorConnectionState.Idle)
    private val revision = MutableStateFlow(0)

    /** The Run screen of the run under way; null when there is none. */
    val run: StateFlow<RunScreen?> = runScreen.asStateFlow()

    /** The Sensor picker, updated as sensors are found. */
    val sensorPicker: StateFlow<SensorPickerScreen> = picker.asStateFlow()

    /** The foot pod's link. */
    val sensorLink: StateFlow<SensorConnectionState> = sensorState.asStateFlow()

    /** Goes up each time the record changed, so screens read their record again. */
    val recordRevision: StateFlow<Int> = revision.asStateFlow()

    init {
        sensor.setObserver(SensorEventRelay(relay, ::onSensorCall))
    }

    /** The run left unfinished when the app was last killed, if any. */
    fun unfinishedRun(): UnfinishedRun? = unfinishedRunIn(store)

    /** Starts the run planned on [date] (ISO) with cadence from [cadence]. */
    fun startRun(date: String, cadence: CadenceSource): RunStart {
        if (active != null) return RunStart.AlreadyRunning
        val planned = coach.plannedRun(date) ?: return RunStart.NoRunPlanned
        val session = RunSession.fromPlannedRun(planned, runSettingsFor(store.settings()), observer())
        // A run the app was killed during, which the runner chose not to
        // resume, is kept as it stood: starting afresh loses nothing of it
        // (nothing happens when none waits, or its checkpoint is damaged).
        coach.keepUnfinishedRun()
        session.keepIn(store, newRunId(), clock.localDateTime())
        attach(session, cadence)
        session.start(clock.monotonicMs())
        publish()
        return RunStart.Started
    }

    /** Brings back the run the app was killed in, paused; the runner resumes it. */
    fun resumeUnfinishedRun(cadence: CadenceSource): RunStart {
        if (active != null) return RunStart.AlreadyRunning
        if (unfinishedRunIn(store) == null) return RunStart.NothingToResume
        attach(RunSession.restore(store, clock.monotonicMs(), observer()), cadence)
        publish()
        return RunStart.Started
    }

    /** Once a second, from the service: time moves on, the screen and notification follow. */
    fun tick() {
        val session = active ?: return
        val now = clock.monotonicMs()
        when (source) {
            is CadenceSource.PushedPod -> sensor.pushTick()
            CadenceSource.PhoneSteps -> stepDetectorSample(steps.snapshot(), now)?.let(session::pushSample)
            is CadenceSource.FootPod, null -> Unit
        }
        session.tick(now)
        publish()
    }

    /** A step from the phone's step detector, at the library's monotonic time. */
    fun onStep(atMs: ULong) = steps.add(atMs)

    /** Raw RSC bytes from the app's own Bluetooth link (a [CadenceSource.PushedPod] run). */
    fun pushRawRsc(bytes: ByteArray) = sensor.pushRawRsc(bytes)

    /** Raw battery bytes from the app's own Bluetooth link. */
    fun pushRawBattery(bytes: ByteArray) = sensor.pushRawBattery(bytes)

    /** The app's own Bluetooth link came up or dropped. */
    fun pushLinkState(up: Boolean) = sensor.pushLinkState(up)

    fun pause() = drive { it.pause(clock.monotonicMs()) }

    fun resume() = drive { it.resume(clock.monotonicMs()) }

    fun stopRun() = drive { it.stop(clock.monotonicMs()) }

    /** A knee check-in during the run, 0-10. */
    fun checkIn(score: Long) = drive {
        it.checkIn(clock.monotonicMs(), CheckIn(clock.localDateTime(), score, CheckInMoment.DURING_RUN, null, null, emptyList()))
    }

    /** Ends the run, keeps it in the record with the plan's changes, and lets go of it. */
    fun finishRun(): RunCompletion? {
        val session = active ?: return null
        val summary = session.finish(clock.monotonicMs())
        // The last events (the stop, its cue) still reach the runner.
        session.flushEvents(FLUSH_TIMEOUT_MS)
        val completion = coach.completeRun(summary)
        detach()
        revision.value += 1
        return completion
    }

    /**
     * Waits (at most [timeoutMs]) until the run's queued events have been
     * handed to the relay; they then play on the main thread after the
     * current task. True when they all were.
     */
    fun flushEvents(timeoutMs: UInt = FLUSH_TIMEOUT_MS): Boolean = active?.flushEvents(timeoutMs) ?: true

    /** Scans for foot pods; the picker updates as they are found. */
    fun scanForSensors(seconds: Double) = sensor.startScan(seconds)

    /** For an app that scans by itself: a pod it found, for the picker. */
    fun pushFoundSensor(found: FoundSensor) = sensor.pushFoundSensor(found)

    /** For an app that scans by itself: where its scan stands. */
    fun pushScanState(state: PushedScanState) = sensor.pushScanState(state)

    /** Saves the runner's settings; the cue policy follows them at once. */
    fun saveSettings(settings: AppSettings) {
        store.saveSettings(settings)
        prefs = CuePreferences.from(settings)
        revision.value += 1
    }

    /** Something else changed the record (a check-in, a session marked). */
    fun recordChanged() {
        revision.value += 1
    }

    /**
     * Closes everything in order. A run still under way is not finished:
     * its checkpoint stays in the record, and the next session offers it
     * back, exactly as after the process was killed.
     */
    override fun close() {
        // Each step runs even if one before it failed, so the record is
        // always let go of (another open in this process would be refused).
        try {
            detach()
        } finally {
            try {
                sensor.close()
            } finally {
                coach.close()
                store.close()
                relay.close()
            }
        }
    }

    private fun observer() = RunEventRelay(relay, ::onRunEvent)

    private fun attach(session: RunSession, cadence: CadenceSource) {
        active = session
        source = cadence
        steps.clear()
        sensor.feedRun(session)
        when (cadence) {
            is CadenceSource.FootPod -> sensor.start(cadence.sensorId)
            is CadenceSource.PushedPod -> sensor.startPushed(cadence.sourceId)
            CadenceSource.PhoneSteps -> Unit
        }
    }

    private fun detach() {
        val session = active ?: return
        sensor.feedRun(null)
        sensor.stop()
        session.close()
        active = null
        source = null
        runScreen.value = null
        player.quiet()
    }

    private fun drive(call: (RunSession) -> Unit) {
        val session = active ?: return
        call(session)
        publish()
    }

    private fun publish() {
        val screen = active?.snapshot(clock.monotonicMs()) ?: return
        runScreen.value = screen
        player.showOngoing(OngoingNotice.of(screen))
    }

    // Not gated on a run under way: the last events of a finished run (its
    // stop, its cue) are posted before it is let go of and still play.
    private fun onRunEvent(event: RunEvent) {
        player.play(CuePolicy.forRunEvent(event, prefs))
    }

    private fun onSensorCall(call: SensorCall) {
        when (call) {
            is SensorCall.Picker -> picker.value = call.screen
            is SensorCall.State -> sensorState.value = call.state
            is SensorCall.Battery, is SensorCall.Details, is SensorCall.Warning -> Unit
        }
        // Outside a run (the picker, a test of the pod) the link is shown, not announced.
        if (active != null) CuePolicy.forSensorCall(call, prefs)?.let(player::play)
    }

    companion object {
        private const val FLUSH_TIMEOUT_MS = 2_000u

        /** Opens the record in [dataDir] and the coach over it. */
        fun open(
            dataDir: String,
            clock: Clock,
            player: CuePlayer,
            main: CoroutineDispatcher,
            newRunId: () -> String = { UUID.randomUUID().toString() },
        ): AppSession {
            val store = RecordStore.open(dataDir)
            val coach = try {
                Coach.open(store)
            } catch (e: Exception) {
                store.close()
                throw e
            }
            return AppSession(store, coach, clock, player, main, newRunId)
        }
    }
}
