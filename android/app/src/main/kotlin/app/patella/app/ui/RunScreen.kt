package app.patella.app.ui

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import app.patella.app.R
import app.patella.shell.screens.RunIntent
import app.patella.shell.screens.RunUiState
import app.patella.shell.screens.ScaleRow

/**
 * Run: the segment and its countdown, the cadence gauge, the pod's link and
 * battery, the knee check the run asks for, and the buttons the core enables.
 */
@Composable
fun RunScreen(state: RunUiState, painScale: List<ScaleRow>, onIntent: (RunIntent) -> Unit, onFinish: () -> Unit) {
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        Text(state.statusLabel, style = MaterialTheme.typography.labelLarge)
        state.segmentLabel?.let { Text(it, style = MaterialTheme.typography.headlineMedium) }
        Text(state.countdownLabel, style = MaterialTheme.typography.displayLarge)
        state.nextLabel?.let { Text(it, style = MaterialTheme.typography.titleMedium) }
        Row(horizontalArrangement = Arrangement.spacedBy(16.dp)) {
            Text(state.elapsedLabel)
            Text(state.remainingLabel)
        }
        Card {
            Column(Modifier.padding(12.dp)) {
                Text(state.cadenceLabel, style = MaterialTheme.typography.headlineSmall, color = zoneColor(state.zone))
                Text(state.zoneLabel, color = zoneColor(state.zone))
                state.bandLabel?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
                state.walkingLabel?.let { Text(it) }
            }
        }
        Row(horizontalArrangement = Arrangement.spacedBy(12.dp)) {
            Text(state.sensorLabel)
            state.batteryLabel?.let { Text(it, color = if (state.batteryLow) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface) }
        }
        Strip(state)
        state.checkInQuestion?.let { question ->
            Card {
                Column(Modifier.padding(12.dp)) {
                    Text(question, style = MaterialTheme.typography.titleMedium)
                    FlowRow(horizontalArrangement = Arrangement.spacedBy(4.dp)) {
                        painScale.forEach { step ->
                            OutlinedButton(onClick = { onIntent(RunIntent.CheckIn(step.score)) }) {
                                Text(step.scoreText, color = painColor(step.zoneToken))
                            }
                        }
                    }
                }
            }
        }
        state.assessmentAdvice?.let { Text(it) }
        state.stopLabel?.let { Text(it, color = MaterialTheme.colorScheme.error) }
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            if (state.canPause) Button(onClick = { onIntent(RunIntent.Pause) }) { Text(stringResource(R.string.run_pause)) }
            if (state.canResume) Button(onClick = { onIntent(RunIntent.Resume) }) { Text(stringResource(R.string.run_resume)) }
            if (state.canStop) OutlinedButton(onClick = { onIntent(RunIntent.Stop) }) { Text(stringResource(R.string.run_stop)) }
            if (!state.canStop) Button(onClick = onFinish) { Text(stringResource(R.string.run_finish)) }
        }
    }
}

/** The progress strip: one piece per segment, as wide as its planned length. */
@Composable
private fun Strip(state: RunUiState) {
    Row(Modifier.fillMaxWidth().height(10.dp), horizontalArrangement = Arrangement.spacedBy(2.dp)) {
        state.strip.forEach { piece ->
            Box(Modifier.weight(piece.weight).background(MaterialTheme.colorScheme.surfaceVariant)) {
                LinearProgressIndicator(progress = { piece.doneFraction }, modifier = Modifier.fillMaxWidth())
            }
        }
    }
}
