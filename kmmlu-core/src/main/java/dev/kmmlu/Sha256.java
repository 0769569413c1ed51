package dev.kmmlu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 as lower-case hex, over the UTF-8 bytes of a string. */
final class Sha256 {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Sha256() {}

  static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  static String hex(byte[] bytes) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to implement SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
    byte[] hash = digest.digest(bytes);
    char[] out = new char[hash.length * 2];
    for (int i = 0; i < hash.length; i++) {
      out[2 * i] = HEX[(hash[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[hash[i] & 0xf];
    }
    return new String(out);
  }
}
