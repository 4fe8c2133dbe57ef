package app.patella.shell.screens

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.stateIn

/**
 * What every screen's presenter shares: a scope on the injected main
 * dispatcher (Android's `Dispatchers.Main`, a single-thread executor in
 * tests), where its state is computed and published.
 */
abstract class Presenter<S>(main: CoroutineDispatcher) : AutoCloseable {
    protected val scope = CoroutineScope(SupervisorJob() + main)

    /** The screen's state; the composable draws it as it is. */
    abstract val state: StateFlow<S>

    protected fun Flow<S>.published(initial: S): StateFlow<S> =
        stateIn(scope, SharingStarted.Eagerly, initial)

    override fun close() = scope.cancel()
}
