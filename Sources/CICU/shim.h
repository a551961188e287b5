// ICU renames every C entry point with its major version (ubrk_open -> ubrk_open_72) through
// macros that Swift's importer cannot see through. For each function kalka uses, this shim
// undefines the macro and declares a static inline forwarder of the plain name that calls the
// versioned symbol, so no Swift code names a version and any ICU major links.
#ifndef KALKA_CICU_SHIM_H
#define KALKA_CICU_SHIM_H

#include <stdbool.h>
#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
#include <unicode/unorm2.h>
#include <unicode/uspoof.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/uscript.h>

#define KALKA_ICU(name) U_ICU_ENTRY_POINT_RENAME(name)


#undef u_errorName
static inline const char *u_errorName(UErrorCode code) { return KALKA_ICU(u_errorName)(code); }

// MARK: strings and characters
#undef u_strFromUTF8
static inline UChar *u_strFromUTF8(UChar *dest, int32_t destCapacity, int32_t *pDestLength, const char *src, int32_t srcLength, UErrorCode *status) { return KALKA_ICU(u_strFromUTF8)(dest, destCapacity, pDestLength, src, srcLength, status); }
#undef u_strToUTF8
static inline char *u_strToUTF8(char *dest, int32_t destCapacity, int32_t *pDestLength, const UChar *src, int32_t srcLength, UErrorCode *status) { return KALKA_ICU(u_strToUTF8)(dest, destCapacity, pDestLength, src, srcLength, status); }
#undef uscript_getScript
static inline UScriptCode uscript_getScript(UChar32 c, UErrorCode *status) { return KALKA_ICU(uscript_getScript)(c, status); }
#undef u_isUUppercase
static inline UBool u_isUUppercase(UChar32 c) { return KALKA_ICU(u_isUUppercase)(c); }
#undef u_isULowercase
static inline UBool u_isULowercase(UChar32 c) { return KALKA_ICU(u_isULowercase)(c); }
#undef u_isUWhiteSpace
static inline UBool u_isUWhiteSpace(UChar32 c) { return KALKA_ICU(u_isUWhiteSpace)(c); }
#undef u_isUAlphabetic
static inline UBool u_isUAlphabetic(UChar32 c) { return KALKA_ICU(u_isUAlphabetic)(c); }
#undef u_charType
static inline int8_t u_charType(UChar32 c) { return KALKA_ICU(u_charType)(c); }
#undef u_foldCase
static inline UChar32 u_foldCase(UChar32 c, uint32_t options) { return KALKA_ICU(u_foldCase)(c, options); }
#undef u_tolower
static inline UChar32 u_tolower(UChar32 c) { return KALKA_ICU(u_tolower)(c); }
#undef u_toupper
static inline UChar32 u_toupper(UChar32 c) { return KALKA_ICU(u_toupper)(c); }

// MARK: break iteration
#undef ubrk_open
static inline UBreakIterator *ubrk_open(UBreakIteratorType type, const char *locale, const UChar *text, int32_t textLength, UErrorCode *status) { return KALKA_ICU(ubrk_open)(type, locale, text, textLength, status); }
#undef ubrk_clone
static inline UBreakIterator *ubrk_clone(const UBreakIterator *bi, UErrorCode *status) { return KALKA_ICU(ubrk_clone)(bi, status); }
#undef ubrk_close
static inline void ubrk_close(UBreakIterator *bi) { KALKA_ICU(ubrk_close)(bi); }
#undef ubrk_setText
static inline void ubrk_setText(UBreakIterator *bi, const UChar *text, int32_t textLength, UErrorCode *status) { KALKA_ICU(ubrk_setText)(bi, text, textLength, status); }
#undef ubrk_setUText
static inline void ubrk_setUText(UBreakIterator *bi, UText *text, UErrorCode *status) { KALKA_ICU(ubrk_setUText)(bi, text, status); }
#undef ubrk_first
static inline int32_t ubrk_first(UBreakIterator *bi) { return KALKA_ICU(ubrk_first)(bi); }
#undef ubrk_next
static inline int32_t ubrk_next(UBreakIterator *bi) { return KALKA_ICU(ubrk_next)(bi); }
#undef ubrk_getRuleStatus
static inline int32_t ubrk_getRuleStatus(UBreakIterator *bi) { return KALKA_ICU(ubrk_getRuleStatus)(bi); }
#undef utext_openUTF8
static inline UText *utext_openUTF8(UText *ut, const char *s, int64_t length, UErrorCode *status) { return KALKA_ICU(utext_openUTF8)(ut, s, length, status); }
#undef utext_close
static inline UText *utext_close(UText *ut) { return KALKA_ICU(utext_close)(ut); }

// MARK: transliteration
#undef utrans_openU
static inline UTransliterator *utrans_openU(const UChar *id, int32_t idLength, UTransDirection dir, const UChar *rules, int32_t rulesLength, UParseError *parseError, UErrorCode *status) { return KALKA_ICU(utrans_openU)(id, idLength, dir, rules, rulesLength, parseError, status); }
#undef utrans_clone
static inline UTransliterator *utrans_clone(const UTransliterator *trans, UErrorCode *status) { return KALKA_ICU(utrans_clone)(trans, status); }
#undef utrans_close
static inline void utrans_close(UTransliterator *trans) { KALKA_ICU(utrans_close)(trans); }
#undef utrans_transUChars
static inline void utrans_transUChars(const UTransliterator *trans, UChar *text, int32_t *textLength, int32_t textCapacity, int32_t start, int32_t *limit, UErrorCode *status) { KALKA_ICU(utrans_transUChars)(trans, text, textLength, textCapacity, start, limit, status); }

// MARK: normalization
#undef unorm2_getNFCInstance
static inline const UNormalizer2 *unorm2_getNFCInstance(UErrorCode *status) { return KALKA_ICU(unorm2_getNFCInstance)(status); }
#undef unorm2_getNFDInstance
static inline const UNormalizer2 *unorm2_getNFDInstance(UErrorCode *status) { return KALKA_ICU(unorm2_getNFDInstance)(status); }
#undef unorm2_normalize
static inline int32_t unorm2_normalize(const UNormalizer2 *norm2, const UChar *src, int32_t length, UChar *dest, int32_t capacity, UErrorCode *status) { return KALKA_ICU(unorm2_normalize)(norm2, src, length, dest, capacity, status); }
#undef unorm2_isNormalized
static inline UBool unorm2_isNormalized(const UNormalizer2 *norm2, const UChar *s, int32_t length, UErrorCode *status) { return KALKA_ICU(unorm2_isNormalized)(norm2, s, length, status); }

// MARK: spoof checks
#undef uspoof_open
static inline USpoofChecker *uspoof_open(UErrorCode *status) { return KALKA_ICU(uspoof_open)(status); }
#undef uspoof_close
static inline void uspoof_close(USpoofChecker *sc) { KALKA_ICU(uspoof_close)(sc); }
#undef uspoof_setChecks
static inline void uspoof_setChecks(USpoofChecker *sc, int32_t checks, UErrorCode *status) { KALKA_ICU(uspoof_setChecks)(sc, checks, status); }
#undef uspoof_setRestrictionLevel
static inline void uspoof_setRestrictionLevel(USpoofChecker *sc, URestrictionLevel level) { KALKA_ICU(uspoof_setRestrictionLevel)(sc, level); }
#undef uspoof_openCheckResult
static inline USpoofCheckResult *uspoof_openCheckResult(UErrorCode *status) { return KALKA_ICU(uspoof_openCheckResult)(status); }
#undef uspoof_closeCheckResult
static inline void uspoof_closeCheckResult(USpoofCheckResult *result) { KALKA_ICU(uspoof_closeCheckResult)(result); }
#undef uspoof_check2UTF8
static inline int32_t uspoof_check2UTF8(const USpoofChecker *sc, const char *id, int32_t length, USpoofCheckResult *result, UErrorCode *status) { return KALKA_ICU(uspoof_check2UTF8)(sc, id, length, result, status); }
#undef uspoof_getCheckResultRestrictionLevel
static inline URestrictionLevel uspoof_getCheckResultRestrictionLevel(const USpoofCheckResult *result, UErrorCode *status) { return KALKA_ICU(uspoof_getCheckResultRestrictionLevel)(result, status); }
#undef uspoof_getSkeleton
static inline int32_t uspoof_getSkeleton(const USpoofChecker *sc, uint32_t type, const UChar *id, int32_t length, UChar *dest, int32_t destCapacity, UErrorCode *status) { return KALKA_ICU(uspoof_getSkeleton)(sc, type, id, length, dest, destCapacity, status); }

// MARK: charset conversion
#undef ucnv_open
static inline UConverter *ucnv_open(const char *name, UErrorCode *status) { return KALKA_ICU(ucnv_open)(name, status); }
#undef ucnv_close
static inline void ucnv_close(UConverter *cnv) { KALKA_ICU(ucnv_close)(cnv); }
#undef ucnv_reset
static inline void ucnv_reset(UConverter *cnv) { KALKA_ICU(ucnv_reset)(cnv); }
#undef ucnv_toUChars
static inline int32_t ucnv_toUChars(UConverter *cnv, UChar *dest, int32_t destCapacity, const char *src, int32_t srcLength, UErrorCode *status) { return KALKA_ICU(ucnv_toUChars)(cnv, dest, destCapacity, src, srcLength, status); }
#undef ucnv_fromUChars
static inline int32_t ucnv_fromUChars(UConverter *cnv, char *dest, int32_t destCapacity, const UChar *src, int32_t srcLength, UErrorCode *status) { return KALKA_ICU(ucnv_fromUChars)(cnv, dest, destCapacity, src, srcLength, status); }
#undef ucnv_getName
static inline const char *ucnv_getName(const UConverter *cnv, UErrorCode *status) { return KALKA_ICU(ucnv_getName)(cnv, status); }

// Converters substitute unmappable bytes silently by default; a strict round trip needs the
// STOP callbacks in both directions (their symbols are renamed too, so set them here).
#undef ucnv_setToUCallBack
#undef ucnv_setFromUCallBack
#undef UCNV_TO_U_CALLBACK_STOP
#undef UCNV_FROM_U_CALLBACK_STOP
static inline void kalka_ucnv_setStrict(UConverter *cnv, UErrorCode *status) {
    KALKA_ICU(ucnv_setToUCallBack)(cnv, KALKA_ICU(UCNV_TO_U_CALLBACK_STOP), NULL, NULL, NULL, status);
    KALKA_ICU(ucnv_setFromUCallBack)(cnv, KALKA_ICU(UCNV_FROM_U_CALLBACK_STOP), NULL, NULL, NULL, status);
}

#endif
