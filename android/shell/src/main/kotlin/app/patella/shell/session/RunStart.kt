package app.patella.shell.session

/** What came of asking to start or bring back a run. */
sealed interface RunStart {
    /** The run is under way (or, brought back, paused where it was). */
    data object Started : RunStart

    /** The day has no run in the plan. */
    data object NoRunPlanned : RunStart

    /** A run is already under way: finish it first. */
    data object AlreadyRunning : RunStart

    /** The record holds no run left unfinished. */
    data object NothingToResume : RunStart
}
