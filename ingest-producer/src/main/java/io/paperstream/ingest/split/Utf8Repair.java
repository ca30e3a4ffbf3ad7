package io.paperstream.ingest.split;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Passes UTF-8 through and replaces every byte that is not part of a well-formed UTF-8 sequence
 * by U+FFFD ({@code EF BF BD}), counting them and remembering where they were, so that a page with
 * a few bad bytes keeps its entries and the bad bytes are reported, not fatal. Linear time; one
 * 64 KiB buffer.
 */
final class Utf8Repair extends InputStream {

  private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

  /** Replacement positions kept for mapping offsets back; beyond this, offsets are approximate. */
  private static final int TRACKED = 4096;

  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  private boolean eof;
  private long consumedBefore; // input bytes before buf[0]
  private long written;
  private final byte[] pending = new byte[3];
  private int pendingPos = 3;
  private long replaced;
  private long firstOffset = -1;
  private long[] outputOffsets = new long[16];

  Utf8Repair(InputStream in) {
    this.in = in;
  }

  /** Invalid bytes replaced so far. */
  long replaced() {
    return replaced;
  }

  /** Input byte offset of the first invalid byte; -1 when none. */
  long firstOffset() {
    return firstOffset;
  }

  /** The input byte offset of output byte {@code output} (an offset a parser of this stream reports). */
  long inputOffset(long output) {
    int tracked = (int) Math.min(replaced, TRACKED);
    int before = Arrays.binarySearch(outputOffsets, 0, tracked, output);
    long count = before >= 0 ? before : -before - 1;
    if (replaced > TRACKED && count == tracked) {
      count = replaced; // past the tracked ones: assume all came before (approximate)
    }
    return Math.max(0, output - 2 * count);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] out, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len) {
      if (pendingPos < 3) {
        out[off + n++] = pending[pendingPos++];
        continue;
      }
      if (limit - pos < 4 && !eof) {
        fill();
      }
      if (pos >= limit) {
        break;
      }
      int b = buf[pos];
      if (b >= 0) {
        // the common case: a run of ASCII copied in one go
        int end = pos;
        int max = Math.min(limit, pos + (len - n));
        while (end < max && buf[end] >= 0) {
          end++;
        }
        System.arraycopy(buf, pos, out, off + n, end - pos);
        n += end - pos;
        pos = end;
        continue;
      }
      int length = sequenceLength(pos);
      if (length > 0) {
        if (len - n < length) {
          if (n > 0) {
            break; // the next read takes the whole sequence
          }
          System.arraycopy(buf, pos, pending, 3 - length, length);
          pendingPos = 3 - length;
          pos += length;
          continue;
        }
        System.arraycopy(buf, pos, out, off + n, length);
        n += length;
        pos += length;
      } else {
        noteReplacement(written + n);
        System.arraycopy(REPLACEMENT, 0, pending, 0, 3);
        pendingPos = 0;
        pos++;
      }
    }
    written += n;
    return n == 0 ? -1 : n;
  }

  private void noteReplacement(long outputOffset) {
    if (firstOffset < 0) {
      firstOffset = consumedBefore + pos;
    }
    if (replaced < TRACKED) {
      if (replaced == outputOffsets.length) {
        outputOffsets = Arrays.copyOf(outputOffsets, outputOffsets.length * 2);
      }
      outputOffsets[(int) replaced] = outputOffset;
    }
    replaced++;
  }

  /** The length of the well-formed sequence starting at {@code at}, or 0 when its first byte is bad. */
  private int sequenceLength(int at) {
    int lead = buf[at] & 0xFF;
    int length;
    int low = 0x80;
    int high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      low = lead == 0xE0 ? 0xA0 : 0x80;
      high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      low = lead == 0xF0 ? 0x90 : 0x80;
      high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
      return 0;
    }
    if (limit - at < length) {
      return 0; // cut off by the end of the input
    }
    int second = buf[at + 1] & 0xFF;
    if (second < low || second > high) {
      return 0;
    }
    for (int k = 2; k < length; k++) {
      int next = buf[at + k] & 0xFF;
      if (next < 0x80 || next > 0xBF) {
        return 0;
      }
    }
    return length;
  }

  private void fill() throws IOException {
    int remaining = limit - pos;
    System.arraycopy(buf, pos, buf, 0, remaining);
    consumedBefore += pos;
    pos = 0;
    limit = remaining;
    while (limit < buf.length) {
      int read = in.read(buf, limit, buf.length - limit);
      if (read < 0) {
        eof = true;
        return;
      }
      limit += read;
      if (limit - pos >= 4) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
