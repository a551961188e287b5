#!/usr/bin/env bash
# Compares `kalka translit` with ICU's own `uconv` (icu-devtools) on a generated 20 MB
# Ukrainian/Russian/English file: the same rules through both, best of five runs each.
#
#   scripts/bench-translit.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v uconv >/dev/null || { echo "uconv missing: apt-get install icu-devtools" >&2; exit 2; }
swift build -c release --product kalka >/dev/null
kalka=.build/release/kalka
mkdir -p bench-data
input=bench-data/cyrillic-20mb.txt
if [ ! -s "$input" ]; then
    block=$(cat <<'TEXT'
Мер Києва Віталій Кличко заявив у понеділок, що місто готове до зими, хоча енергетики ще відновлюють підстанції після нічних атак. У Харкові та Запоріжжі тривали ремонтні роботи, а в Одесі порт працював у звичайному режимі.
Министр иностранных дел Сергей Лавров в четверг встретился с коллегами в Стокгольме, где обсуждались вопросы европейской безопасности. Пресс-секретарь Кремля Дмитрий Песков отказался комментировать итоги переговоров.
Reuters reported the figures on Tuesday; prices rose 3.7% in October.
TEXT
)
    : > "$input"
    while [ "$(stat -c %s "$input")" -lt 20000000 ]; do
        for _ in $(seq 200); do printf '%s\n' "$block"; done >> "$input"
    done
fi

best() {
    local best=999
    for _ in 1 2 3 4 5; do
        local start end took
        start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N)
        took=$(echo "$end - $start" | bc)
        if (( $(echo "$took < $best" | bc) )); then best=$took; fi
    done
    printf '%.2f s' "$best"
}

echo "input: $(du -h "$input" | cut -f1)"
echo "uk-national   kalka $(best "$kalka" translit --standard uk-national "$input")   uconv, same rules $(best bash -c "uconv -x \"\$(grep -v '^#' Dictionaries/translit/uk-national.txt)\" < $input")"
echo "ru-bgn-pcgn   kalka $(best "$kalka" translit --standard ru-bgn-pcgn "$input")   uconv -x Russian-Latin/BGN $(best bash -c "uconv -x Russian-Latin/BGN < $input")"
echo "auto (uk+ru)  kalka $(best "$kalka" translit "$input")"
/usr/bin/time -f "memory: kalka translit max RSS %M KB" "$kalka" translit "$input" > /dev/null
