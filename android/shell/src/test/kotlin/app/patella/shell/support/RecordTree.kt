package app.patella.shell.support

import kotlin.reflect.full.memberProperties
import kotlin.reflect.full.primaryConstructor

/**
 * Turns a generated record (a Kotlin data class), enum or list into the
 * tree the Rust test serialises into the golden files (snake_case names,
 * enums as snake_case strings), and compares two trees field by field.
 */
object RecordTree {
    fun of(value: Any?): Any? = when (value) {
        null, is String, is Boolean -> value
        is UByte -> value.toLong()
        is UShort -> value.toLong()
        is UInt -> value.toLong()
        is ULong -> value.toLong()
        is Byte, is Short, is Int, is Long -> (value as Number).toLong()
        is Float, is Double -> (value as Number).toDouble()
        is Enum<*> -> value.name.lowercase()
        is List<*> -> value.map(::of)
        is Map<*, *> -> value.entries.associate { (k, v) -> k.toString() to of(v) }
        else -> record(value)
    }

    private fun record(value: Any): Map<String, Any?> {
        val kind = value::class
        require(kind.isData) { "not a record: ${kind.qualifiedName}" }
        val names = kind.primaryConstructor!!.parameters.map { it.name!! }
        val properties = kind.memberProperties.associateBy { it.name }
        return names.associate { name -> snake(name) to of(properties.getValue(name).getter.call(value)) }
    }

    fun snake(camel: String): String = camel.replace(Regex("([a-z0-9])([A-Z])"), "$1_$2").lowercase()

    /** The differences between [expected] and [actual], each with its path; empty when equal. */
    fun differences(expected: Any?, actual: Any?, path: String = "$"): List<String> = when {
        expected is Map<*, *> && actual is Map<*, *> -> {
            val keys = expected.keys + actual.keys
            keys.flatMap { k ->
                when {
                    k !in actual -> listOf("$path.$k: missing in the record")
                    k !in expected -> listOf("$path.$k: not in the golden file")
                    else -> differences(expected[k], actual[k], "$path.$k")
                }
            }
        }
        expected is List<*> && actual is List<*> ->
            if (expected.size != actual.size) {
                listOf("$path: ${expected.size} items in the golden file, ${actual.size} in the record")
            } else {
                expected.indices.flatMap { differences(expected[it], actual[it], "$path[$it]") }
            }
        expected is Number && actual is Number ->
            if (expected.toDouble() == actual.toDouble()) emptyList() else listOf("$path: golden $expected, record $actual")
        expected == actual -> emptyList()
        else -> listOf("$path: golden $expected, record $actual")
    }
}
