package app.patella.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.material3.Button
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.patella.shell.screens.CheckInIntent
import app.patella.shell.screens.CheckInPresenter

/** Check-in: the 0-10 scale coloured by the buffer zone, the optional details, red flags, and the coach's answer. */
@Composable
fun CheckInScreen(presenter: CheckInPresenter) {
    val state by presenter.state.collectAsStateWithLifecycle()
    LazyColumn(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        item {
            Text(state.title, style = MaterialTheme.typography.headlineSmall)
            Text(state.prompt)
        }
        item {
            FlowRow(horizontalArrangement = Arrangement.spacedBy(4.dp)) {
                state.scale.forEach { step ->
                    FilterChip(
                        selected = step.selected,
                        onClick = { presenter.onIntent(CheckInIntent.PickScore(step.index)) },
                        label = { Text(step.scoreText, color = painColor(step.zoneToken)) },
                    )
                }
            }
            state.scale.firstOrNull { it.selected }?.let { Text(it.label); Text(it.zoneLabel) }
        }
        item {
            Text(state.qualityPrompt, style = MaterialTheme.typography.titleSmall)
            FlowRow(horizontalArrangement = Arrangement.spacedBy(4.dp)) {
                state.qualities.forEach { choice ->
                    FilterChip(choice.selected, { presenter.onIntent(CheckInIntent.PickQuality(choice.index)) }, { Text(choice.label) })
                }
            }
        }
        item {
            Text(state.locationPrompt, style = MaterialTheme.typography.titleSmall)
            FlowRow(horizontalArrangement = Arrangement.spacedBy(4.dp)) {
                state.locations.forEach { choice ->
                    FilterChip(choice.selected, { presenter.onIntent(CheckInIntent.PickLocation(choice.index)) }, { Text(choice.label) })
                }
            }
        }
        item { Text(state.redFlagPrompt, style = MaterialTheme.typography.titleSmall) }
        state.redFlags.forEach { flag ->
            item {
                Row(verticalAlignment = Alignment.CenterVertically) {
                    Checkbox(flag.selected, { presenter.onIntent(CheckInIntent.ToggleRedFlag(flag.index)) })
                    Text(flag.label)
                }
            }
        }
        item {
            Button(onClick = { presenter.onIntent(CheckInIntent.Submit) }, enabled = state.canSubmit) { Text(state.submitLabel) }
            state.advice?.let { Text(it, style = MaterialTheme.typography.bodyLarge) }
            state.error?.let { Text(it, color = MaterialTheme.colorScheme.error) }
        }
    }
}
