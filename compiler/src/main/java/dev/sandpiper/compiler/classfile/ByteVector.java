package dev.sandpiper.compiler.classfile;

import java.util.Arrays;

/** A growable big-endian byte array, the sink class-file parts are written to (JVMS 4.1: u1, u2, u4). */
final class ByteVector {
    private byte[] data;
    private int size;

    ByteVector() {
        this(64);
    }

    ByteVector(int capacity) {
        data = new byte[Math.max(capacity, 16)];
    }

    int size() {
        return size;
    }

    ByteVector u1(int v) {
        ensure(1);
        data[size++] = (byte) v;
        return this;
    }

    ByteVector u2(int v) {
        ensure(2);
        data[size++] = (byte) (v >>> 8);
        data[size++] = (byte) v;
        return this;
    }

    ByteVector u4(int v) {
        ensure(4);
        data[size++] = (byte) (v >>> 24);
        data[size++] = (byte) (v >>> 16);
        data[size++] = (byte) (v >>> 8);
        data[size++] = (byte) v;
        return this;
    }

    ByteVector u8(long v) {
        return u4((int) (v >>> 32)).u4((int) v);
    }

    ByteVector bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    ByteVector bytes(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, data, size, length);
        size += length;
        return this;
    }

    ByteVector bytes(ByteVector other) {
        return bytes(other.data, 0, other.size);
    }

    /** Overwrites two bytes at {@code pos} (already written). */
    void putU1At(int pos, int v) {
        data[pos] = (byte) v;
    }

    /** Overwrites two bytes at {@code pos} (already written). */
    void putU2At(int pos, int v) {
        data[pos] = (byte) (v >>> 8);
        data[pos + 1] = (byte) v;
    }

    /** Overwrites four bytes at {@code pos} (already written). */
    void putU4At(int pos, int v) {
        data[pos] = (byte) (v >>> 24);
        data[pos + 1] = (byte) (v >>> 16);
        data[pos + 2] = (byte) (v >>> 8);
        data[pos + 3] = (byte) v;
    }

    /** Reads the unsigned two bytes at {@code pos}. */
    int u2At(int pos) {
        return ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
    }

    byte[] toArray() {
        return Arrays.copyOf(data, size);
    }

    private void ensure(int extra) {
        if (size + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
        }
    }
}
