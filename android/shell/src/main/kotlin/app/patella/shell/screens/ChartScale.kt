package app.patella.shell.screens

import java.time.LocalDate

/**
 * Where a value sits on a chart axis, as a fraction from 0 (start) to 1
 * (end), so the Canvas composable only multiplies by its own size. The
 * axes' ends come from the core's `ProgressAxes`.
 */
object ChartScale {
    fun fraction(value: Double, min: Double, max: Double): Float {
        if (max <= min) return 0f
        return ((value - min) / (max - min)).coerceIn(0.0, 1.0).toFloat()
    }

    /** A day between the chart's first and last dates (ISO; date-times count by their date). */
    fun dayFraction(date: String, first: String, last: String): Float {
        val day = LocalDate.parse(date.take(ISO_DATE)).toEpochDay().toDouble()
        return fraction(day, LocalDate.parse(first.take(ISO_DATE)).toEpochDay().toDouble(), LocalDate.parse(last.take(ISO_DATE)).toEpochDay().toDouble())
    }

    private const val ISO_DATE = 10
}

/** One point of a chart, both coordinates as fractions of the plot. */
data class ChartPoint(val x: Float, val y: Float)
