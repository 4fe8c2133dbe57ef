package app.patella.app.ui

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.patella.app.R
import app.patella.app.chart.at
import app.patella.app.chart.bandSize
import app.patella.app.chart.bandTopLeft
import app.patella.app.chart.barSize
import app.patella.app.chart.barTopLeft
import app.patella.shell.screens.ChartPoint
import app.patella.shell.screens.ProgressPresenter

private val Band = Color(0x332E7D32)
private val Line = Color(0xFF3F5F90)

/** Progress: pain against the buffer zone, cadence against the band, distance per week, drawn on Canvas. */
@Composable
fun ProgressScreen(presenter: ProgressPresenter) {
    val state by presenter.state.collectAsStateWithLifecycle()
    Column(Modifier.padding(16.dp).verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        state.emptyState?.let { Text(it) }
        Text(stringResource(R.string.progress_pain), style = MaterialTheme.typography.titleMedium)
        Canvas(Modifier.fillMaxWidth().height(140.dp)) {
            drawRect(Band, bandTopLeft(state.painBandTop), bandSize(0f, state.painBandTop))
            state.painLines.forEach { line -> polyline(line) }
        }
        Text(stringResource(R.string.progress_cadence), style = MaterialTheme.typography.titleMedium)
        Canvas(Modifier.fillMaxWidth().height(140.dp)) {
            drawRect(Band, bandTopLeft(state.cadenceBandHigh), bandSize(state.cadenceBandLow, state.cadenceBandHigh))
            polyline(state.cadencePoints)
        }
        Text(state.cadenceBandLabel, style = MaterialTheme.typography.bodySmall)
        Text(stringResource(R.string.progress_volume), style = MaterialTheme.typography.titleMedium)
        Canvas(Modifier.fillMaxWidth().height(120.dp)) {
            state.volumeBars.forEachIndexed { i, bar ->
                drawRect(Line, barTopLeft(i, state.volumeBars.size, bar.height), barSize(state.volumeBars.size, bar.height))
            }
        }
        Row(horizontalArrangement = Arrangement.SpaceAround, modifier = Modifier.fillMaxWidth()) {
            state.volumeBars.forEach { Text(it.label, style = MaterialTheme.typography.labelSmall) }
        }
        Text(state.streakLabel)
        Text(state.activeDaysLabel)
    }
}

private fun androidx.compose.ui.graphics.drawscope.DrawScope.polyline(points: List<ChartPoint>) {
    points.zipWithNext { a, b -> drawLine(Line, at(a), at(b), strokeWidth = 4f) }
    points.forEach { drawCircle(Line, radius = 6f, center = at(it)) }
}
