package app.patella.app.chart

import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.drawscope.DrawScope
import app.patella.shell.screens.ChartPoint

/**
 * Pixels from the :shell state's fractions: the one place where a chart
 * coordinate meets the canvas size. Fractions run 0-1 from the left and
 * from the bottom; the canvas counts from the top.
 */
fun DrawScope.at(point: ChartPoint): Offset = Offset(point.x * size.width, (1f - point.y) * size.height)

/** The top-left corner of a horizontal band between two fractions of the height. */
fun DrawScope.bandTopLeft(high: Float): Offset = Offset(0f, (1f - high) * size.height)

/** The size of a horizontal band between two fractions of the height. */
fun DrawScope.bandSize(low: Float, high: Float): Size = Size(size.width, (high - low) * size.height)

/** A bar standing on the bottom edge, [index] of [count], [height] a fraction. */
fun DrawScope.barTopLeft(index: Int, count: Int, height: Float): Offset =
    Offset(index * size.width / count, (1f - height) * size.height)

fun DrawScope.barSize(count: Int, height: Float): Size = Size(size.width / count * BAR_WIDTH, height * size.height)

private const val BAR_WIDTH = 0.7f
