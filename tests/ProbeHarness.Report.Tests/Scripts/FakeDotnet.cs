namespace ProbeHarness.Report.Tests.Scripts;

/// <summary>
/// A stand-in for dotnet that run-tests.ps1 runs through HARNESS_DOTNET: <c>build</c> succeeds (or fails on request),
/// <c>test --list-tests</c> lists the names in FAKE_SELECTED, <c>test</c> logs its arguments and environment, copies prepared records into HARNESS_RESULTS_DIR and exits with the
/// requested code (or waits to be interrupted), and <c>run</c> runs the real report tool (or fails on request).
/// </summary>
public static class FakeDotnet
{
    public const string Script = """
        #!/usr/bin/env bash
        set -u
        log="$FAKE_DIR/calls.log"
        echo "$*" >> "$log"
        case "$1" in
          build)
            exit "${FAKE_BUILD_EXIT:-0}" ;;
          test)
            case " $* " in
              *" --list-tests "*)
                echo "Discovered tests"
                if [ -n "${FAKE_SELECTED:-}" ]; then sed 's/^/  /' "$FAKE_SELECTED"; fi
                exit "${FAKE_LIST_EXIT:-0}" ;;
            esac
            env | grep '^HARNESS_' | sort > "$FAKE_DIR/test.env"
            if [ -n "${FAKE_PROGRESS_LINE:-}" ]; then echo "$FAKE_PROGRESS_LINE" >> "$HARNESS_PROGRESS_LOG"; fi
            if [ -n "${FAKE_TEST_WAIT:-}" ]; then
              trap 'echo interrupted > "$FAKE_DIR/interrupted"; exit 3' INT
              echo "$PPID" > "$FAKE_DIR/parent.pid"
              # Until interrupted, with a deadline far beyond any test's wait so a lost signal still ends the fake.
              end=$((SECONDS + 900))
              while [ "$SECONDS" -lt "$end" ]; do sleep 0.2; done
              exit 0
            fi
            if [ -n "${FAKE_RECORDS:-}" ]; then cp "$FAKE_RECORDS"/*.json "$HARNESS_RESULTS_DIR/"; fi
            results=""; trx=""
            while [ $# -gt 0 ]; do
              case "$1" in
                --results-directory) results="$2"; shift ;;
                --report-trx-filename) trx="$2"; shift ;;
              esac
              shift
            done
            mkdir -p "$results"
            printf '%s\n' '<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results/></TestRun>' > "$results/$trx"
            exit "${FAKE_TEST_EXIT:-0}" ;;
          run)
            if [ -n "${FAKE_RUN_EXIT:-}" ]; then echo "fake report tool: failing on request" >&2; exit "$FAKE_RUN_EXIT"; fi
            while [ "$1" != "--" ]; do shift; done
            shift
            exec "$FAKE_REAL_DOTNET" "$FAKE_REPORT_DLL" "$@" ;;
        esac
        echo "fake dotnet: unexpected command $1" >&2
        exit 99
        """;
}
