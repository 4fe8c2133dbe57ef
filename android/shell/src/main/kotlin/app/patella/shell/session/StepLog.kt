package app.patella.shell.session

/**
 * The times of the latest steps from the phone's step detector, for the
 * core's `stepDetectorSample`. Keeps a fixed number, dropping the oldest:
 * the core picks its window from them.
 */
class StepLog(private val keep: Int = 64) {
    private val times = ArrayDeque<ULong>()

    fun add(atMs: ULong) {
        times.addLast(atMs)
        while (times.size > keep) times.removeFirst()
    }

    fun snapshot(): List<ULong> = times.toList()

    fun clear() = times.clear()
}
