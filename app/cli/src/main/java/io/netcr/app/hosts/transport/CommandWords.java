package io.netcr.app.hosts.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command given as one text (an environment variable such as NETCR_AGENT_COMMAND) into its words the way
 * a shell would for simple cases: white space separates, single quotes keep everything, double quotes keep all but
 * a backslash before {@code "} or {@code \}, a backslash outside quotes keeps the next character. No expansion of
 * any kind, and no shell runs it.
 */
public final class CommandWords {

    private CommandWords() {
    }

    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a " + (quote == '\'' ? "single" : "double") + " quote is not closed in: "
                    + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
