package app.patella.shell.bridge

import app.patella.core.RunEvent
import app.patella.core.RunObserver

/** The run session's observer: each event goes on, in order, to [onMain] on the main dispatcher. */
class RunEventRelay(
    private val relay: MainThreadRelay,
    private val onMain: (RunEvent) -> Unit,
) : RunObserver {
    override fun onEvent(event: RunEvent) {
        relay.post { onMain(event) }
    }
}
