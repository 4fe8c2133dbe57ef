package app.patella.shell.screens

import app.patella.core.PlanScreen
import app.patella.shell.session.AppSession
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.map

/** The Plan screen: weeks of lines, as `patella plan` prints them. */
data class PlanUiState(val advisories: List<String>, val weeks: List<PlanWeekRow>, val disclaimer: String) {
    companion object {
        /** Each indent level of a plan line is this many dp. */
        const val INDENT_DP = 16

        fun of(screen: PlanScreen) = PlanUiState(
            advisories = screen.advisories,
            weeks = screen.weeks.map { w ->
                PlanWeekRow(w.title, w.kindLabel, w.heading, w.isCurrent, w.lines.map { PlanLineRow(it.text, it.indent.toInt() * INDENT_DP) })
            },
            disclaimer = screen.disclaimer,
        )
    }
}

data class PlanWeekRow(val title: String, val kindLabel: String, val heading: String, val isCurrent: Boolean, val lines: List<PlanLineRow>)

/** One line; [indentDp] is the start padding the composable applies as it is. */
data class PlanLineRow(val text: String, val indentDp: Int)

/** The plan from `Coach.planScreen`, [weeks] weeks from the week of the date. */
class PlanPresenter(
    private val session: AppSession,
    private val date: () -> String,
    private val weeks: UShort,
    main: CoroutineDispatcher,
) : Presenter<PlanUiState>(main) {
    private fun read() = PlanUiState.of(session.coach.planScreen(date(), weeks))

    override val state: StateFlow<PlanUiState> = session.recordRevision.map { read() }.published(read())
}
