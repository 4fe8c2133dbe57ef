package app.patella.shell.support

/**
 * A small JSON reader for the golden files (no JSON library is on the
 * test class path here): objects become ordered maps, integers Long,
 * other numbers Double.
 */
object Json {
    fun parse(text: String): Any? {
        val reader = Reader(text)
        val value = reader.value()
        reader.skipSpace()
        require(reader.done()) { "trailing text at ${reader.pos}" }
        return value
    }

    private class Reader(val s: String) {
        var pos = 0

        fun done() = pos >= s.length

        fun skipSpace() {
            while (pos < s.length && s[pos].isWhitespace()) pos++
        }

        fun value(): Any? {
            skipSpace()
            return when (val c = s[pos]) {
                '{' -> obj()
                '[' -> array()
                '"' -> string()
                't' -> word("true", true)
                'f' -> word("false", false)
                'n' -> word("null", null)
                else -> if (c == '-' || c.isDigit()) number() else error("unexpected '$c' at $pos")
            }
        }

        fun word(w: String, v: Any?): Any? {
            require(s.startsWith(w, pos)) { "expected $w at $pos" }
            pos += w.length
            return v
        }

        fun number(): Any {
            val start = pos
            while (pos < s.length && (s[pos].isDigit() || s[pos] in "+-.eE")) pos++
            val text = s.substring(start, pos)
            return if (text.any { it in ".eE" }) text.toDouble() else text.toLong()
        }

        fun string(): String {
            pos++
            val out = StringBuilder()
            while (s[pos] != '"') {
                val c = s[pos++]
                if (c != '\\') {
                    out.append(c)
                    continue
                }
                when (val e = s[pos++]) {
                    'n' -> out.append('\n')
                    't' -> out.append('\t')
                    'r' -> out.append('\r')
                    'b' -> out.append('\b')
                    'f' -> out.append('\u000c')
                    'u' -> {
                        out.append(s.substring(pos, pos + 4).toInt(16).toChar())
                        pos += 4
                    }
                    else -> out.append(e)
                }
            }
            pos++
            return out.toString()
        }

        fun array(): List<Any?> {
            pos++
            val out = mutableListOf<Any?>()
            skipSpace()
            if (s[pos] == ']') return out.also { pos++ }
            while (true) {
                out += value()
                skipSpace()
                if (s[pos++] == ']') return out
            }
        }

        fun obj(): Map<String, Any?> {
            pos++
            val out = LinkedHashMap<String, Any?>()
            skipSpace()
            if (s[pos] == '}') return out.also { pos++ }
            while (true) {
                skipSpace()
                val key = string()
                skipSpace()
                require(s[pos++] == ':') { "expected : at $pos" }
                out[key] = value()
                skipSpace()
                if (s[pos++] == '}') return out
            }
        }
    }
}
