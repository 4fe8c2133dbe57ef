package app.patella.shell.screens

import app.patella.core.RunCadenceState
import app.patella.core.RunScreen
import app.patella.core.RunStripState
import app.patella.shell.session.AppSession
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.map

/** How the cadence gauge is coloured; one per core zone token. */
enum class GaugeZone { NO_SIGNAL, STOPPED, WALKING, SUSPECT, RUNNING, BELOW_BAND, IN_BAND, ABOVE_BAND }

/** Where a piece of the progress strip stands. */
enum class StripPieceState { DONE, CURRENT, UPCOMING }

/** The Run screen as drawn: every label from the core's `RunScreen`. */
data class RunUiState(
    val statusLabel: String,
    val segmentLabel: String?,
    val nextLabel: String?,
    val countdownLabel: String,
    val elapsedLabel: String,
    val remainingLabel: String,
    val cadenceLabel: String,
    val bandLabel: String?,
    val zone: GaugeZone,
    val zoneLabel: String,
    val walkingLabel: String?,
    val sensorLabel: String,
    val batteryLabel: String?,
    val batteryLow: Boolean,
    val checkInQuestion: String?,
    val assessmentAdvice: String?,
    val stopLabel: String?,
    val strip: List<StripPiece>,
    val canStart: Boolean,
    val canPause: Boolean,
    val canResume: Boolean,
    val canStop: Boolean,
    val canCheckIn: Boolean,
) {
    companion object {
        fun of(screen: RunScreen) = RunUiState(
            statusLabel = screen.statusLabel,
            segmentLabel = screen.current?.label,
            nextLabel = screen.next?.label,
            countdownLabel = screen.countdownLabel,
            elapsedLabel = screen.elapsedLabel,
            remainingLabel = screen.remainingLabel,
            cadenceLabel = screen.cadence.label,
            bandLabel = screen.cadence.bandLabel,
            zone = zoneOf(screen.cadence.zone),
            zoneLabel = screen.cadence.zoneLabel,
            walkingLabel = screen.walkingInRunLabel,
            sensorLabel = screen.sensor.label,
            batteryLabel = screen.sensor.batteryLabel,
            batteryLow = screen.sensor.batteryLow,
            checkInQuestion = screen.checkInPrompt?.question,
            assessmentAdvice = screen.lastAssessment?.advice,
            stopLabel = screen.stopLabel,
            strip = screen.strip.map {
                StripPiece(it.durationMs.toFloat(), stripStateOf(it.state), it.doneFraction.toFloat())
            },
            canStart = screen.buttons.start,
            canPause = screen.buttons.pause,
            canResume = screen.buttons.resume,
            canStop = screen.buttons.stop,
            canCheckIn = screen.buttons.checkIn,
        )

        fun zoneOf(zone: RunCadenceState): GaugeZone = when (zone) {
            RunCadenceState.NO_SIGNAL -> GaugeZone.NO_SIGNAL
            RunCadenceState.STOPPED -> GaugeZone.STOPPED
            RunCadenceState.WALKING -> GaugeZone.WALKING
            RunCadenceState.SUSPECT -> GaugeZone.SUSPECT
            RunCadenceState.RUNNING -> GaugeZone.RUNNING
            RunCadenceState.BELOW_BAND -> GaugeZone.BELOW_BAND
            RunCadenceState.IN_BAND -> GaugeZone.IN_BAND
            RunCadenceState.ABOVE_BAND -> GaugeZone.ABOVE_BAND
        }

        fun stripStateOf(state: RunStripState): StripPieceState = when (state) {
            RunStripState.DONE -> StripPieceState.DONE
            RunStripState.CURRENT -> StripPieceState.CURRENT
            RunStripState.UPCOMING -> StripPieceState.UPCOMING
        }
    }
}

/** One piece of the strip: its [weight] is its planned length, for the row's layout weights. */
data class StripPiece(val weight: Float, val state: StripPieceState, val doneFraction: Float)

sealed interface RunIntent {
    data object Pause : RunIntent
    data object Resume : RunIntent
    data object Stop : RunIntent
    data class CheckIn(val score: Long) : RunIntent
    data object Finish : RunIntent
}

/** The run under way, from the session's `RunScreen` flow; null state: no run. */
class RunPresenter(private val session: AppSession, main: CoroutineDispatcher) : Presenter<RunUiState?>(main) {
    override val state: StateFlow<RunUiState?> =
        session.run.map { it?.let(RunUiState::of) }.published(session.run.value?.let(RunUiState::of))

    fun onIntent(intent: RunIntent) {
        when (intent) {
            RunIntent.Pause -> session.pause()
            RunIntent.Resume -> session.resume()
            RunIntent.Stop -> session.stopRun()
            is RunIntent.CheckIn -> session.checkIn(intent.score)
            RunIntent.Finish -> session.finishRun()
        }
    }
}
