#!/bin/bash
# Students distilled from the GPU teachers (scripts/gpu_teacher.py), each scored by the
# paired grouped CV against the shipped student (bench/link_cv.py, same folds and seeds).
#
#   bash bench/link_teacher_eval.sh RETURNED_DIR [BUNDLE_DIR] [SPEC ...]
#
# RETURNED_DIR holds the GPU run's teachers.npz, summary.json and student_*.npz; BUNDLE_DIR
# the texts.json.gz that run read (default /work/main/.gpu16). Every student the GPU
# trained is scored. Each SPEC ("VARIANT POSTINGS RESUMES SEED", VARIANT ft1, ft2 or base,
# 100000 = every sentence of the bundle; the shipped recipe is "base 4000 2000 13") also
# trains a student here on the CPU with scripts/train_linker_student.py --teacher-cache
# (~8-10 min each on 2 shared cores), e.g. to check a GPU winner with another seed.
# Work files go to $WORK (default /tmp/link_teacher_eval); a student or CV already there
# is reused. Read each candidate's "minus baseline, per fold" line (RP@5 seed noise of
# the recipe alone: -0.7 ± 2.3). A SPEC other than the shipped "4000 2000 13" is also
# compared with the shipped recipe's own student at the same sizes and seed (trained here
# from the CPU teacher's cache, which computes any answer it lacks): the paired difference
# that tells a teacher's gain from the seed's.
set -euo pipefail
RET=$(realpath "$1"); BUNDLE=$(realpath "${2:-/work/main/.gpu16}"); shift $(( $# >= 2 ? 2 : 1 ))
cd "$(dirname "$0")/.."
PY=${PY:-/work/main/.venv/bin/python}
export PYTHONPATH=$PWD/src
W=${WORK:-/tmp/link_teacher_eval}
mkdir -p "$W"
$PY scripts/gpu_teacher_import.py --returned "$RET" --bundle "$BUNDLE" --out-dir "$W"
[ -f "$RET/summary.json" ] && cat "$RET/summary.json"
if [ ! -f "$W/cv_shipped.npz" ]; then
  $PY bench/link_cv.py --grid shipped --save "$W/cv_shipped.npz" | tee "$W/cv_shipped.txt"
fi
cv() {  # student file, name[, baseline CV file]
  [ -f "$W/cv_$2.txt" ] && grep -q "minus baseline" "$W/cv_$2.txt" && { cat "$W/cv_$2.txt"; return; }
  $PY bench/link_cv.py --student "$1" --grid shipped --save "$W/cv_$2.npz" \
    --baseline "${3:-$W/cv_shipped.npz}" | tee "$W/cv_$2.txt"
}
for st in "$W"/student_gpu_*.npz; do
  [ -f "$st" ] || continue
  name=$(basename "$st" .npz); echo "=== $name (trained on the GPU)"
  cv "$st" "$name"
done
for spec in "$@"; do
  read -r v np nr seed <<<"$spec"
  name="cpu_${v}_${np}_${nr}_${seed}"
  st="$W/student_$name.npz"
  echo "=== $name (trained here)"
  if [ ! -f "$st" ]; then
    nice $PY scripts/train_linker_student.py --teacher-cache "$W/teacher_$v.json" --postings "$np" \
      --resumes "$nr" --seed "$seed" --out "$st" | tee "$W/train_$name.txt"
  fi
  cv "$st" "$name"
  if [ "$v" != base ] && [ "$np $nr $seed" != "4000 2000 13" ]; then
    base="cpu_base_${np}_${nr}_${seed}_own"  # the shipped recipe, same sizes and seed
    echo "=== $name against $base"
    if [ ! -f "$W/student_$base.npz" ]; then
      nice $PY scripts/train_linker_student.py --postings "$np" --resumes "$nr" --seed "$seed" \
        --out "$W/student_$base.npz" | tee "$W/train_$base.txt"
    fi
    cv "$W/student_$base.npz" "$base"
    cv "$st" "${name}_vs_$base" "$W/cv_$base.npz"
  fi
done
grep -H "minus baseline" "$W"/cv_*.txt
