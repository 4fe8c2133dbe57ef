package app.patella.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.patella.app.R
import app.patella.shell.screens.TodayIntent
import app.patella.shell.screens.TodayPresenter
import app.patella.shell.screens.TodaySessionRow

/** Today: the day's sessions, why the knee shapes them, and the check-in the coach asks for. */
@Composable
fun TodayScreen(presenter: TodayPresenter, onStartRun: () -> Unit, onCheckIn: () -> Unit) {
    val state by presenter.state.collectAsStateWithLifecycle()
    LazyColumn(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        item {
            Text(state.title, style = MaterialTheme.typography.headlineSmall)
            Text(state.summary, style = MaterialTheme.typography.titleMedium)
        }
        items(state.advisories) { Text(it, color = MaterialTheme.colorScheme.error) }
        items(state.notes) { Text(it, style = MaterialTheme.typography.bodyMedium) }
        state.checkInPrompt?.let { prompt ->
            item {
                Card {
                    Column(Modifier.padding(12.dp)) {
                        Text(prompt)
                        Button(onClick = onCheckIn) { Text(stringResource(R.string.today_check_in)) }
                    }
                }
            }
        }
        items(state.sessions) { row -> SessionCard(row, onStartRun) { presenter.onIntent(it) } }
        state.emptyState?.let { item { Text(it) } }
        item { Text(state.disclaimer, style = MaterialTheme.typography.bodySmall) }
    }
}

@Composable
private fun SessionCard(row: TodaySessionRow, onStartRun: () -> Unit, onIntent: (TodayIntent) -> Unit) {
    Card {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            Text(row.title, style = MaterialTheme.typography.titleMedium)
            Text(row.summary)
            Text(row.statusLabel, style = MaterialTheme.typography.labelMedium)
            row.notes.forEach { Text(it, style = MaterialTheme.typography.bodySmall) }
            row.exercises.forEach { exercise ->
                Text(exercise.name, style = MaterialTheme.typography.bodyLarge)
                Text(exercise.dose, style = MaterialTheme.typography.labelMedium)
                exercise.insteadOf?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
                exercise.cues.forEach { Text(it, style = MaterialTheme.typography.bodySmall) }
            }
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                if (row.canStartRun) Button(onClick = onStartRun) { Text(stringResource(R.string.today_start_run)) }
                if (row.canMarkDone) OutlinedButton(onClick = { onIntent(TodayIntent.MarkDone(row.index)) }) { Text(stringResource(R.string.today_mark_done)) }
                if (row.canMarkSkipped) OutlinedButton(onClick = { onIntent(TodayIntent.MarkSkipped(row.index)) }) { Text(stringResource(R.string.today_mark_skipped)) }
            }
        }
    }
}
