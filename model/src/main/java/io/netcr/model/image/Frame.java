package io.netcr.model.image;

/**
 * One record as framed in the image: its position in the record sequence, the byte offset of its
 * header, its type and flags, and the window of its body.
 */
record Frame(int index, int offset, int type, int flags, int bodyStart, int bodyEnd) {

    ByteSource body(byte[] image) {
        return new ByteSource(image, bodyStart, bodyEnd);
    }
}
