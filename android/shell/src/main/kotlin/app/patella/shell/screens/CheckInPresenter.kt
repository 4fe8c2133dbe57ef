package app.patella.shell.screens

import app.patella.core.CheckIn
import app.patella.core.CheckInMoment
import app.patella.core.CheckInScreen
import app.patella.core.CoachException
import app.patella.core.checkInScreen
import app.patella.shell.ports.Clock
import app.patella.shell.session.AppSession
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** The Check-in form: the 0-10 scale, the optional details, what the runner picked, and the answer. */
data class CheckInUiState(
    val title: String,
    val prompt: String,
    val scale: List<ScaleRow>,
    val qualityPrompt: String,
    val qualities: List<ChoiceRow>,
    val locationPrompt: String,
    val locations: List<ChoiceRow>,
    val redFlagPrompt: String,
    val redFlags: List<ChoiceRow>,
    val submitLabel: String,
    val canSubmit: Boolean,
    /** The coach's advice once the check-in was saved. */
    val advice: String?,
    /** Why saving failed, in the core's words. */
    val error: String?,
)

/** One step of the scale; [scoreText] is [score] as shown on the button. */
data class ScaleRow(val index: Int, val score: Long, val scoreText: String, val label: String, val zoneToken: String, val zoneLabel: String, val selected: Boolean)

data class ChoiceRow(val index: Int, val label: String, val selected: Boolean)

sealed interface CheckInIntent {
    data class PickScore(val index: Int) : CheckInIntent
    data class PickQuality(val index: Int) : CheckInIntent
    data class PickLocation(val index: Int) : CheckInIntent
    data class ToggleRedFlag(val index: Int) : CheckInIntent
    data object Submit : CheckInIntent
}

/** The form from `checkInScreen(moment)`; Submit records it with `Coach.recordCheckIn`. */
class CheckInPresenter(
    private val session: AppSession,
    private val clock: Clock,
    moment: CheckInMoment,
    main: CoroutineDispatcher,
) : Presenter<CheckInUiState>(main) {
    private val screen: CheckInScreen = checkInScreen(moment)
    private var score: Int? = null
    private var quality: Int? = null
    private var location: Int? = null
    private val flags = sortedSetOf<Int>()
    private var advice: String? = null
    private var error: String? = null
    private val mutable = MutableStateFlow(render())

    override val state: StateFlow<CheckInUiState> = mutable.asStateFlow()

    fun onIntent(intent: CheckInIntent) {
        when (intent) {
            is CheckInIntent.PickScore -> score = intent.index.takeIf { it in screen.scale.indices }
            is CheckInIntent.PickQuality -> quality = intent.index.takeIf { it in screen.qualities.indices && it != quality }
            is CheckInIntent.PickLocation -> location = intent.index.takeIf { it in screen.locations.indices && it != location }
            is CheckInIntent.ToggleRedFlag -> if (!flags.remove(intent.index) && intent.index in screen.redFlags.indices) flags.add(intent.index)
            CheckInIntent.Submit -> submit()
        }
        mutable.value = render()
    }

    private fun submit() {
        val picked = score?.let(screen.scale::get) ?: return
        val checkIn = CheckIn(
            takenAt = clock.localDateTime(),
            score = picked.score.toLong(),
            moment = screen.moment,
            quality = quality?.let { screen.qualities[it].quality },
            location = location?.let { screen.locations[it].location },
            redFlags = flags.map { screen.redFlags[it].flag },
        )
        try {
            advice = session.coach.recordCheckIn(checkIn).assessment.advice
            error = null
            session.recordChanged()
        } catch (e: CoachException) {
            // The core's sentence names what is wrong; the form stays filled.
            error = e.message
        }
    }

    private fun render() = CheckInUiState(
        title = screen.title,
        prompt = screen.prompt,
        scale = screen.scale.mapIndexed { i, p -> ScaleRow(i, p.score.toLong(), p.score.toString(), p.label, p.zoneToken, p.zoneLabel, i == score) },
        qualityPrompt = screen.qualityPrompt,
        qualities = screen.qualities.mapIndexed { i, q -> ChoiceRow(i, q.label, i == quality) },
        locationPrompt = screen.locationPrompt,
        locations = screen.locations.mapIndexed { i, l -> ChoiceRow(i, l.label, i == location) },
        redFlagPrompt = screen.redFlagPrompt,
        redFlags = screen.redFlags.mapIndexed { i, f -> ChoiceRow(i, f.question, i in flags) },
        submitLabel = screen.submitLabel,
        canSubmit = score != null,
        advice = advice,
        error = error,
    )
}
