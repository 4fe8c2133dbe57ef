package app.patella.shell.screens

import app.patella.core.ProgressScreen
import app.patella.shell.session.AppSession
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.map

/** The Progress screen: three small charts and their labels, every label from the core. */
data class ProgressUiState(
    /** One line per check-in moment (morning, after a run...). */
    val painLines: List<List<ChartPoint>>,
    /** The top of the pain buffer zone, as a fraction of the pain axis. */
    val painBandTop: Float,
    val cadencePoints: List<ChartPoint>,
    val cadenceBandLow: Float,
    val cadenceBandHigh: Float,
    val cadenceBandLabel: String,
    /** Weekly distance bars, each scaled to the longest week, with its label. */
    val volumeBars: List<VolumeBar>,
    val streakLabel: String,
    val activeDaysLabel: String,
    val emptyState: String?,
) {
    companion object {
        fun of(screen: ProgressScreen): ProgressUiState {
            val axes = screen.axes
            val first = axes.firstDate ?: axes.lastDate
            val painMin = axes.painMin.toDouble()
            val painMax = axes.painMax.toDouble()
            val longest = screen.snapshot.weeklyVolume.maxOfOrNull { it.distanceM.toDouble() } ?: 0.0
            return ProgressUiState(
                painLines = screen.snapshot.pain.map { series ->
                    series.points.map {
                        ChartPoint(ChartScale.dayFraction(it.takenAt, first, axes.lastDate), ChartScale.fraction(it.score.toDouble(), painMin, painMax))
                    }
                },
                painBandTop = ChartScale.fraction(axes.painBandMax.toDouble(), painMin, painMax),
                cadencePoints = screen.snapshot.cadence.map { run ->
                    ChartPoint(ChartScale.dayFraction(run.date, first, axes.lastDate), ChartScale.fraction(run.averageSpm, axes.cadenceMinSpm, axes.cadenceMaxSpm))
                },
                cadenceBandLow = ChartScale.fraction(axes.cadenceBandMinSpm, axes.cadenceMinSpm, axes.cadenceMaxSpm),
                cadenceBandHigh = ChartScale.fraction(axes.cadenceBandMaxSpm, axes.cadenceMinSpm, axes.cadenceMaxSpm),
                cadenceBandLabel = axes.cadenceBandLabel,
                volumeBars = screen.snapshot.weeklyVolume.mapIndexed { i, week ->
                    VolumeBar(ChartScale.fraction(week.distanceM.toDouble(), 0.0, longest), axes.volumeLabels.getOrElse(i) { "" })
                },
                streakLabel = axes.streakLabel,
                activeDaysLabel = axes.activeDaysLabel,
                emptyState = axes.emptyState,
            )
        }
    }
}

data class VolumeBar(val height: Float, val label: String)

/** Progress from `RecordStore.progressScreen`, read again whenever the record changes. */
class ProgressPresenter(
    private val session: AppSession,
    private val date: () -> String,
    main: CoroutineDispatcher,
) : Presenter<ProgressUiState>(main) {
    private fun read() = ProgressUiState.of(session.store.progressScreen(date()))

    override val state: StateFlow<ProgressUiState> = session.recordRevision.map { read() }.published(read())
}
