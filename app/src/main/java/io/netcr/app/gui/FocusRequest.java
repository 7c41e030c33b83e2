package io.netcr.app.gui;

import io.netcr.model.SubjectPath;

/**
 * Asks the graph to centre on a drawn object. The serial makes a second request for the same object a
 * change the view can observe.
 */
public record FocusRequest(SubjectPath path, long serial) {
}
