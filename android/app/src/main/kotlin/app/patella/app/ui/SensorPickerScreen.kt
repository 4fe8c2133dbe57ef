package app.patella.app.ui

import androidx.compose.foundation.background
import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.patella.app.R
import app.patella.shell.screens.SensorPickerIntent
import app.patella.shell.screens.SensorPickerPresenter

private val Bars = listOf(1, 2, 3, 4)

/** Sensor picker: scan, then the pods found, strongest first, with their signal as bars. */
@Composable
fun SensorPickerScreen(presenter: SensorPickerPresenter, onChosen: () -> Unit) {
    val state by presenter.state.collectAsStateWithLifecycle()
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        Text(stringResource(R.string.picker_title), style = MaterialTheme.typography.headlineSmall)
        Text(state.message)
        if (state.scanning) LinearProgressIndicator(Modifier.fillMaxWidth())
        Button(onClick = { presenter.onIntent(SensorPickerIntent.Scan) }, enabled = state.scanEnabled) {
            Text(stringResource(R.string.picker_scan))
        }
        LazyColumn(verticalArrangement = Arrangement.spacedBy(8.dp)) {
            items(state.rows) { row ->
                Row(
                    Modifier.fillMaxWidth().clickable {
                        presenter.onIntent(SensorPickerIntent.Choose(row.index))
                        onChosen()
                    }.padding(8.dp),
                    verticalAlignment = Alignment.CenterVertically,
                    horizontalArrangement = Arrangement.spacedBy(12.dp),
                ) {
                    Row(horizontalArrangement = Arrangement.spacedBy(2.dp)) {
                        Bars.forEach { bar ->
                            val lit = bar <= row.signalBars
                            Box(Modifier.size(6.dp, 14.dp).background(if (lit) MaterialTheme.colorScheme.primary else MaterialTheme.colorScheme.surfaceVariant))
                        }
                    }
                    Column {
                        Text(row.label)
                        Text(row.signalLabel, style = MaterialTheme.typography.bodySmall)
                    }
                }
            }
        }
    }
}
