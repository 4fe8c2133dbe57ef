package app.patella.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import app.patella.app.R
import app.patella.app.platform.RunPermission

/**
 * What a refused permission costs the runner, one screen per permission,
 * with a way to ask again, to open the app's settings, or to go on without it.
 */
@Composable
fun PermissionScreen(permission: RunPermission, onRetry: () -> Unit, onOpenSettings: () -> Unit, onSkip: () -> Unit) {
    val (title, body) = when (permission) {
        RunPermission.BLUETOOTH_SCAN -> R.string.permission_scan_title to R.string.permission_scan_body
        RunPermission.BLUETOOTH_CONNECT -> R.string.permission_connect_title to R.string.permission_connect_body
        RunPermission.POST_NOTIFICATIONS -> R.string.permission_notifications_title to R.string.permission_notifications_body
        RunPermission.ACTIVITY_RECOGNITION -> R.string.permission_activity_title to R.string.permission_activity_body
    }
    Column(Modifier.padding(24.dp), verticalArrangement = Arrangement.spacedBy(16.dp)) {
        Text(stringResource(title), style = MaterialTheme.typography.headlineSmall)
        Text(stringResource(body))
        Button(onClick = onRetry) { Text(stringResource(R.string.permission_retry)) }
        OutlinedButton(onClick = onOpenSettings) { Text(stringResource(R.string.permission_settings)) }
        TextButton(onClick = onSkip) { Text(stringResource(R.string.permission_skip)) }
    }
}
