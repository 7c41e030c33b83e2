package io.netcr.model.validate;

/** Temporary stand-in until the image-format work lands. */
public record Limits(int maxAddressesPerDevice) {
    public static Limits defaults() {
        return new Limits(4096);
    }
}
