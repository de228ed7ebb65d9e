# --- serve (issue #8): PostgreSQL and Chromium for the store/API/web tests -------------
# Sourced by .ci/run. Installs Debian's postgresql, chromium and chromium-driver when
# missing, starts a throwaway PostgreSQL server as a non-root user on a Unix socket in a
# temp dir (initdb + pg_ctl, no TCP), exports SKILLMIX_TEST_PG_URL for the tests marked
# `postgres`, and stops the server and removes the dir when the CI script exits.
# The browser tests drive /usr/bin/chromium through the playwright package
# (executable_path); `playwright install` is never run.

_sm_need=()
command -v chromium >/dev/null 2>&1 || _sm_need+=(chromium)
dpkg -s chromium-driver >/dev/null 2>&1 || _sm_need+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || _sm_need+=(postgresql)
if [ "${#_sm_need[@]}" -gt 0 ]; then
  _sm_sudo=""
  [ "$(id -u)" -ne 0 ] && _sm_sudo="sudo"
  $_sm_sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $_sm_sudo apt-get install -y -q --no-install-recommends \
    "${_sm_need[@]}" >/dev/null
fi

_sm_pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
_sm_pg_dir="$(mktemp -d /tmp/skillmix-pg.XXXXXX)"
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root: use the package's postgres user (or make one)
  id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$_sm_pg_dir"
  _sm_as=(runuser -u postgres --)
else
  _sm_as=()
fi
"${_sm_as[@]}" "$_sm_pg_bin/initdb" -D "$_sm_pg_dir/data" -U skillmix --auth=trust -E UTF8 \
  --no-instructions >/dev/null
"${_sm_as[@]}" "$_sm_pg_bin/pg_ctl" -D "$_sm_pg_dir/data" -l "$_sm_pg_dir/server.log" -w \
  -o "-k $_sm_pg_dir -c listen_addresses= -c fsync=off" start >/dev/null
"${_sm_as[@]}" "$_sm_pg_bin/createdb" -h "$_sm_pg_dir" -U skillmix skillmix_test

_sm_pg_stop() {
  "${_sm_as[@]}" "$_sm_pg_bin/pg_ctl" -D "$_sm_pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$_sm_pg_dir"
}
trap _sm_pg_stop EXIT
export SKILLMIX_TEST_PG_URL="postgresql://skillmix@/skillmix_test?host=$_sm_pg_dir"
export SKILLMIX_TEST_PG_DATA="$_sm_pg_dir/data"
echo "serve tests: PostgreSQL at $_sm_pg_dir, Chromium at $(command -v chromium)" >&2
# --- end serve block -------------------------------------------------------------------
