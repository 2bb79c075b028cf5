# Shared by scripts/*: paths, logging, PostgreSQL helpers. Source it, don't run it.
set -euo pipefail

CRM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CRM_ROOT
VENV="$CRM_ROOT/.venv"
export PATH="$VENV/bin:$CRM_ROOT/node_modules/.bin:$PATH"
# Odoo connects as its own role (config/odoo-*.conf), never as postgres.
CRM_DB_USER=${CRM_DB_USER:-crm}
CRM_DB_PASSWORD=${CRM_DB_PASSWORD:-crm}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}

say() { printf '\033[1m[crm]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[crm]\033[0m %s\n' "$*" >&2; exit 1; }

# Comma-separated list of the suite's addons (every folder of addons/ with a manifest).
suite_addons() {
    local names=()
    for m in "$CRM_ROOT"/addons/*/__manifest__.py; do
        [ -f "$m" ] && names+=("$(basename "$(dirname "$m")")")
    done
    (IFS=,; echo "${names[*]}")
}

as_crm_psql() { PGPASSWORD="$CRM_DB_PASSWORD" psql -U "$CRM_DB_USER" -d postgres -X -q "$@"; }

db_exists() {
    [ "$(as_crm_psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}

drop_db() { as_crm_psql -c "DROP DATABASE IF EXISTS \"$1\""; rm -rf "$CRM_ROOT/var/data/filestore/$1"; }

# Suite addons not yet installed in database $1, and with "deps" the addons
# they depend on directly that are not installed (an update adding a
# dependency needs it installed first).
missing_addons() {
    local installed names
    installed=$(PGPASSWORD="$CRM_DB_PASSWORD" psql -U "$CRM_DB_USER" -d "$1" -X -tAc \
        "SELECT name FROM ir_module_module WHERE state = 'installed'")
    if [ "${2:-}" = deps ]; then
        names=$(python - "$CRM_ROOT"/addons/*/__manifest__.py <<'PY'
import ast, sys
print(" ".join(sorted({d for path in sys.argv[1:] for d in ast.literal_eval(open(path).read()).get("depends", [])})))
PY
)
    else
        names=$(suite_addons | tr , ' ')
    fi
    local missing=()
    for a in $names; do
        grep -qx "$a" <<<"$installed" || missing+=("$a")
    done
    (IFS=,; echo "${missing[*]}")
}

# Install (-i) or update (-u) addons $3 (comma list) in database $2 with Odoo's
# CLI; fail loudly on any ERROR/CRITICAL line, since Odoo can log a failed
# data file and go on.
_odoo_modules() {
    local flag=$1 db=$2 addons=$3 conf=$4 log
    mkdir -p "$CRM_ROOT/var/log"
    log="$CRM_ROOT/var/log/install-$db.log"
    local verb=installing
    [ "$flag" = -u ] && verb=updating
    say "$verb $addons in database $db (log: ${log#$CRM_ROOT/})"
    if ! crm-odoo -c "$conf" -d "$db" "$flag" "$addons" --stop-after-init --log-level=info >"$log" 2>&1 \
        || grep -qE ' (ERROR|CRITICAL) ' "$log"; then
        grep -E ' (ERROR|CRITICAL) |Traceback|Error' "$log" | head -40 >&2
        die "$flag $addons in $db failed; see ${log#$CRM_ROOT/}"
    fi
}
install_addons() { _odoo_modules -i "$@"; }
update_addons() { _odoo_modules -u "$@"; }
