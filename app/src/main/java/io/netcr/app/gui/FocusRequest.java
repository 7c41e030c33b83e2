package io.netcr.app.gui;

import io.netcr.model.SubjectPath;

/**
 * Asks the graph to centre on a drawn object, and with {@code zoom} to zoom until it is readable (a search
 * hit). The serial makes a second request for the same object a change the view can observe.
 */
public record FocusRequest(SubjectPath path, boolean zoom, long serial) {
}
