package app.patella.shell.bridge

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.launch

/**
 * Moves calls made on the library's delivery threads onto the app's main
 * dispatcher, in the order they were made. One queue and one consumer
 * coroutine keep the order whatever the dispatcher does; posting never
 * blocks the library's thread. After [close] nothing more runs.
 */
class MainThreadRelay(main: CoroutineDispatcher) : AutoCloseable {
    private val scope = CoroutineScope(SupervisorJob() + main)
    private val queue = Channel<() -> Unit>(Channel.UNLIMITED)

    init {
        scope.launch {
            for (call in queue) call()
        }
    }

    /** Queues [call] to run on the main dispatcher after every call posted before it. */
    fun post(call: () -> Unit) {
        queue.trySend(call)
    }

    override fun close() {
        queue.close()
        scope.cancel()
    }
}
