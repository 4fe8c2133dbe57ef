package app.patella.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.compose.foundation.layout.Column
import app.patella.shell.screens.PlanPresenter

/** Plan: the weeks ahead, line by line, the current week set apart. */
@Composable
fun PlanScreen(presenter: PlanPresenter) {
    val state by presenter.state.collectAsStateWithLifecycle()
    LazyColumn(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        items(state.advisories) { Text(it, color = MaterialTheme.colorScheme.error) }
        items(state.weeks) { week ->
            val colors = if (week.isCurrent) CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.primaryContainer) else CardDefaults.cardColors()
            Card(colors = colors) {
                Column(Modifier.padding(12.dp)) {
                    Text(week.title, style = MaterialTheme.typography.titleMedium)
                    Text(week.kindLabel, style = MaterialTheme.typography.labelMedium)
                    week.lines.forEach { line -> Text(line.text, Modifier.padding(start = line.indentDp.dp), style = MaterialTheme.typography.bodySmall) }
                }
            }
        }
        item { Text(state.disclaimer, style = MaterialTheme.typography.bodySmall) }
    }
}
