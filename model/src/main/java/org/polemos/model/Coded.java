package org.polemos.model;

/**
 * An enumeration whose constants are written in files by a stable lower-case code such as {@code
 * non-state}.
 */
public interface Coded {
  /** The code used in scenario files and outputs. */
  String code();

  /** The constant of {@code type} with this code, or {@code null} when none has it. */
  static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
    for (E constant : type.getEnumConstants()) {
      if (constant.code().equals(code)) {
        return constant;
      }
    }
    return null;
  }
}
