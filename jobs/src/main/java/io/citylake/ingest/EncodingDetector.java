package io.citylake.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the character encoding of one delivered text file from its bytes, fed once as they are
 * read for the file's hash. Japanese municipal systems export Shift_JIS (as Microsoft's CP932,
 * Java's {@code windows-31j}) as routinely as UTF-8, so both are normal deliveries: a UTF-8
 * byte-order mark decides UTF-8; otherwise a file that is valid UTF-8 is UTF-8 (Shift_JIS text
 * is almost never valid UTF-8, while UTF-8 text often happens to be valid CP932); otherwise the
 * encoding under which fewer lines fail to decode wins, and the lines that still fail are counted
 * so bronze can keep their bytes instead of replacement characters.
 */
final class EncodingDetector {
  static final Charset CP932 = Charset.forName("windows-31j");
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  /** Excel's "Unicode text" is UTF-16 with one of these marks: no line of it is one line here. */
  private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
  private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};
  /** Lines are checked one by one; a longer one is judged by its first megabyte. */
  private static final int MAX_LINE = 1 << 20;

  /**
   * What the bytes were: the encoding to decode them with, whether a UTF-8 byte-order mark came
   * first, the first line without mark and line end, whether the file held only whitespace, how
   * many lines do not decode under the chosen encoding, how many hold more than whitespace, and
   * the UTF-16 byte-order mark the file starts with ({@code FF FE}), null when none.
   */
  record Result(Charset charset, boolean bom, byte[] firstLine, boolean blank,
      long undecodableLines, long nonBlankLines, String utf16Bom) {}

  private final CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
  private final CharsetDecoder cp932 = strict(CP932);
  private byte[] line = new byte[256];
  private int length;
  private boolean ascii = true;
  private boolean truncated;
  private long lines;
  private long badUtf8;
  private long badCp932;
  private boolean blank = true;
  private long nonBlankLines;
  private byte[] firstLine;
  private boolean bom;
  private String utf16Bom;

  /** A decoder that reports malformed and unmappable input instead of replacing it. */
  static CharsetDecoder strict(Charset charset) {
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  void update(byte[] bytes, int offset, int count) {
    for (int i = offset; i < offset + count; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        endLine();
        continue;
      }
      if (length == line.length) {
        if (length >= MAX_LINE) {
          truncated = true;
          continue;
        }
        line = Arrays.copyOf(line, length * 2);
      }
      line[length++] = b;
      ascii &= b >= 0;
    }
  }

  Result finish() {
    if (length > 0 || truncated) {
      endLine();
    }
    if (firstLine == null) {
      firstLine = new byte[0];
    }
    Charset charset;
    long undecodable;
    if (bom || badUtf8 == 0 || badUtf8 <= badCp932) {
      charset = StandardCharsets.UTF_8;
      undecodable = badUtf8;
    } else {
      charset = CP932;
      undecodable = badCp932;
    }
    return new Result(charset, bom, firstLine, blank, undecodable, nonBlankLines, utf16Bom);
  }

  private void endLine() {
    int start = 0;
    if (lines == 0 && (startsWith(line, length, UTF16LE_BOM)
        || startsWith(line, length, UTF16BE_BOM))) {
      utf16Bom = String.format("%02X %02X", line[0] & 0xFF, line[1] & 0xFF);
    }
    if (lines == 0 && startsWith(line, length, UTF8_BOM)) {
      bom = true;
      start = UTF8_BOM.length;
    }
    int end = length > start && line[length - 1] == '\r' ? length - 1 : length;
    if (lines == 0) {
      firstLine = Arrays.copyOfRange(line, start, end);
    }
    boolean lineBlank = true;
    for (int i = start; i < end && lineBlank; i++) {
      lineBlank = line[i] == ' ' || line[i] == '\t' || line[i] == '\r';
    }
    blank &= lineBlank;
    nonBlankLines += lineBlank ? 0 : 1;
    if (!ascii) {
      if (!decodes(utf8, start, end)) {
        badUtf8++;
      }
      if (!decodes(cp932, start, end)) {
        badCp932++;
      }
    }
    lines++;
    length = 0;
    ascii = true;
    truncated = false;
  }

  private boolean decodes(CharsetDecoder decoder, int start, int end) {
    try {
      decoder.reset().decode(ByteBuffer.wrap(line, start, end - start));
      return true;
    } catch (CharacterCodingException e) {
      // a long line cut at MAX_LINE may end inside a character: not the line's fault
      return truncated && end - start >= MAX_LINE - 4;
    }
  }

  static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  static boolean startsWithBom(byte[] bytes) {
    return startsWith(bytes, bytes.length, UTF8_BOM);
  }
}
