package app.patella.app.ui

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color
import app.patella.shell.screens.GaugeZone

/** Patella's colours. */
@Composable
fun PatellaTheme(content: @Composable () -> Unit) {
    MaterialTheme(colorScheme = lightColorScheme(primary = Color(0xFF1B6E5A), secondary = Color(0xFF3F5F90)), content = content)
}

/** The gauge's colour for each zone token from the core. */
fun zoneColor(zone: GaugeZone): Color = when (zone) {
    GaugeZone.IN_BAND -> Color(0xFF2E7D32)
    GaugeZone.BELOW_BAND, GaugeZone.ABOVE_BAND -> Color(0xFFEF6C00)
    GaugeZone.SUSPECT -> Color(0xFF8D6E63)
    GaugeZone.NO_SIGNAL, GaugeZone.STOPPED, GaugeZone.WALKING, GaugeZone.RUNNING -> Color(0xFF607D8B)
}

/** The colour of a pain-scale step by the core's zone token. */
fun painColor(zoneToken: String): Color = when (zoneToken) {
    "no-pain", "within-buffer" -> Color(0xFF2E7D32)
    else -> Color(0xFFC62828)
}
