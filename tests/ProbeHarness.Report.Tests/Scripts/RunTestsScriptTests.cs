using System.Diagnostics;
using System.Text.Json.Nodes;
using ProbeHarness.Report.Tests.Samples;

namespace ProbeHarness.Report.Tests.Scripts;

/// <summary>run-tests.ps1's parameters, exit codes and Ctrl+C handling, with a fake dotnet standing in for the suite.</summary>
public sealed class RunTestsScriptTests
{
    [Fact]
    public async Task WhatIf_prints_the_or_filter_the_environment_and_the_commands_and_runs_nothing()
    {
        // Given
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();

        // When
        var result = await script.RunAsync("-Backend", "emulated", "-Tag", "liveness,@startup", "-KeepOnFailure", "-Context", "lab", "-ReportDir", script.In("out"), "-WhatIf");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("backend emulated (EMULATED: no real kubelet), scenarios tagged @liveness or @startup", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--filter 'Category=liveness|Category=startup'", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--report-trx --report-trx-filename conformance.trx", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("HARNESS_BACKEND=emulated", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("HARNESS_KEEP_ON_FAILURE=1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("HARNESS_KUBE_CONTEXT=lab", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"HARNESS_REPORT_DIR={script.In("out")}", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(script.Calls);
        Assert.False(Directory.Exists(script.In("out")));
    }

    [Fact]
    public async Task A_backend_outside_the_set_is_refused_before_anything_runs()
    {
        // Given
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();

        // When
        var result = await script.RunAsync("-Backend", "minikube");

        // Then
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("auto,k3s,kubeconfig,emulated", result.Output, StringComparison.Ordinal);
        Assert.Empty(script.Calls);
    }

    [Fact]
    public async Task A_malformed_tag_or_a_missing_kubeconfig_exits_2_with_the_reason()
    {
        // Given
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();

        // When
        var badTag = await script.RunAsync("-Tag", "liveness|startup");
        var badKubeconfig = await script.RunAsync("-Backend", "kubeconfig", "-Kubeconfig", script.In("nope.yaml"));

        // Then
        Assert.Equal(2, badTag.ExitCode);
        Assert.Contains("'liveness|startup' is not a Gherkin tag", badTag.Output, StringComparison.Ordinal);
        Assert.Equal(2, badKubeconfig.ExitCode);
        Assert.Contains($"the file '{script.In("nope.yaml")}' does not exist", badKubeconfig.Output, StringComparison.Ordinal);
        Assert.Empty(script.Calls);
    }

    [Fact]
    public async Task A_tag_no_scenario_has_is_an_error_not_a_green_run_of_nothing()
    {
        // Given the suite exits 8: zero tests matched the filter
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();
        script.Environment["FAKE_TEST_EXIT"] = "8";

        // When
        var result = await script.RunAsync("-Backend", "emulated", "-Tag", "nosuchtag", "-ReportDir", script.In("report"));

        // Then
        Assert.Equal(8, result.ExitCode);
        Assert.Contains("no scenario is tagged @nosuchtag", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(script.In("report", "report.json")));
    }

    [Fact]
    public async Task A_failed_scenario_writes_every_report_prints_the_summary_and_exits_1()
    {
        // Given a stale record from an earlier run, and a suite that leaves one held and one late scenario (exit 2)
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();
        using var temp = new TempFolder();
        var records = temp.Combine("records");
        Directory.CreateDirectory(records);
        File.Copy(Path.Combine(TestData.Folder("run-k3s"), "001-liveness-restart.json"), Path.Combine(records, "001.json"));
        File.Copy(Path.Combine(TestData.Folder("run-k3s"), "002-readiness-late.json"), Path.Combine(records, "002.json"));
        Directory.CreateDirectory(script.In("artifacts", "results", "k3s"));
        File.Copy(Path.Combine(TestData.Folder("run-k3s"), "003-startup-missed.json"), script.In("artifacts", "results", "k3s", "stale.json"));
        script.Environment["FAKE_RECORDS"] = records;
        script.Environment["FAKE_TEST_EXIT"] = "2";

        // When
        var result = await script.RunAsync("-Backend", "k3s", "-Tag", "liveness, readiness", "-ReportDir", script.In("report"));

        // Then
        Assert.Equal(1, result.ExitCode);
        foreach (var file in new[] { "index.html", "report.md", "report.json", "junit.xml" })
        {
            Assert.True(File.Exists(script.In("report", file)), $"{file} was not written\n{result.Output}");
        }

        var report = JsonNode.Parse(File.ReadAllText(script.In("report", "report.json")))!;
        Assert.Equal(2, (int)report["header"]!["counts"]!["total"]!);
        Assert.Contains("2 scenarios: 1 held, 1 not held, 0 environment error(s), 0 skipped", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"report: {script.In("report", "index.html")}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"exit 1, 1 scenario(s) did not hold; see {script.In("report", "index.html")}", result.Stdout, StringComparison.Ordinal);
        var test = script.Calls.Single(c => c.StartsWith("test ", StringComparison.Ordinal) && !c.Contains("--list-tests", StringComparison.Ordinal));
        Assert.Contains("--filter Category=liveness|Category=readiness", test, StringComparison.Ordinal);
        var environment = File.ReadAllLines(script.In("test.env"));
        Assert.Contains($"HARNESS_RESULTS_DIR={script.In("artifacts", "results", "k3s")}", environment);
        Assert.Contains("HARNESS_BACKEND=k3s", environment);
        Assert.Contains("HARNESS_KEEP_ON_FAILURE=0", environment);
        Assert.True(File.Exists(script.In("report", "conformance.trx")), "the TRX was not copied into the report");
    }

    [Fact]
    public async Task An_emulated_run_where_every_scenario_held_exits_0_and_says_emulated()
    {
        // Given
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();
        script.Environment["FAKE_RECORDS"] = TestData.Folder("run-emulated");

        // When
        var result = await script.RunAsync("-Backend", "emulated", "-Tag", "liveness", "-ReportDir", script.In("report"), "-Previous", script.In("no-previous-yet"));

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[emulated] 2 scenarios: 2 held", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[emulated] exit 0, every scenario held", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("-Previous", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("# [emulated]", File.ReadAllText(script.In("report", "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_tool_that_fails_leaves_no_stale_green_report_and_exits_2()
    {
        // Given a green report of an earlier run in the report folder, and a report tool that fails this time
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();
        var report = script.In("report");
        Directory.CreateDirectory(Path.Combine(report, "timelines"));
        Directory.CreateDirectory(Path.Combine(report, "cucumber"));
        var stale = new[] { "report.json", "report.md", "index.html", "junit.xml", "conformance.trx", "timelines/001-old.svg", "cucumber/cucumber.ndjson" };
        foreach (var file in stale)
        {
            File.WriteAllText(Path.Combine(report, file), "{\"header\":{\"counts\":{\"environmentErrors\":0,\"notHeld\":0}}}");
        }

        File.WriteAllText(Path.Combine(report, "notes.txt"), "not the report's");
        script.Environment["FAKE_RECORDS"] = TestData.Folder("run-emulated");
        script.Environment["FAKE_RUN_EXIT"] = "1";

        // When
        var result = await script.RunAsync("-Backend", "emulated", "-ReportDir", report);

        // Then the run is incomplete, and nothing of the earlier run's report is left to pass for this one
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the report was not written (report tool exit code 1)", result.Output, StringComparison.Ordinal);
        Assert.All(stale, file => Assert.False(File.Exists(Path.Combine(report, file)), $"{file} of the earlier run is still there"));
        Assert.True(File.Exists(Path.Combine(report, "notes.txt")), "a file the report never writes was removed");
    }

    [Fact]
    public async Task A_test_host_killed_midway_leaves_not_run_rows_and_exits_2_never_green()
    {
        // Given a run that selects three tests, of which the two recorded ones held before the host was killed (137)
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();
        var selected = script.In("selected.txt");
        File.WriteAllLines(selected,
        [
            "HTTP liveness probe: A failing /healthz restarts the container after 3 failures",
            "Readiness removes the pod from the endpoints: A failing /ready takes the pod out of the EndpointSlice",
            "Startup: Never ran",
        ]);
        script.Environment["FAKE_SELECTED"] = selected;
        script.Environment["FAKE_RECORDS"] = TestData.Folder("run-emulated");
        script.Environment["FAKE_TEST_EXIT"] = "137";

        // When
        var result = await script.RunAsync("-Backend", "emulated", "-Tag", "liveness", "-ReportDir", script.In("report"));

        // Then
        Assert.Equal(2, result.ExitCode);
        var report = JsonNode.Parse(File.ReadAllText(script.In("report", "report.json")))!;
        Assert.Equal(1, (int)report["header"]!["counts"]!["notRun"]!);
        Assert.Contains(report["scenarios"]!.AsArray(), row => (string?)row!["verdict"] == "not-run" && (string?)row["scenario"] == "Startup: Never ran");
        Assert.Contains("1 not run", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(script.Calls, c => c.StartsWith("test ", StringComparison.Ordinal) && c.Contains("--list-tests --filter Category=liveness", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_build_failure_exits_2_before_the_suite_runs()
    {
        // Given
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();
        script.Environment["FAKE_BUILD_EXIT"] = "1";

        // When
        var result = await script.RunAsync("-Backend", "emulated");

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the build failed", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(script.Calls, c => c.StartsWith("test ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interrupting_the_script_interrupts_the_test_run_too()
    {
        // Given a suite that runs until interrupted
        RunTestsScript.SkipUnlessRunnable();
        if (InterruptDisposition.IgnoredHere && InterruptDisposition.CannotRestore is { } why)
        {
            Assert.Skip(why);
        }

        using var script = new RunTestsScript();
        script.Environment["FAKE_TEST_WAIT"] = "1";
        using var run = script.Start(interruptible: true, "-Backend", "emulated", "-ReportDir", script.In("report"));
        var output = run.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = run.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var parent = script.In("parent.pid");
        var started = await Deadline.UntilAsync(() => File.Exists(parent) && File.ReadAllText(parent).Trim().Length > 0, Deadline.Generous);
        Assert.True(started, $"the fake test run did not start within {Deadline.Generous.TotalSeconds:0} s");
        var pwsh = File.ReadAllText(parent).Trim();

        // When Ctrl+C reaches PowerShell alone (as when a CI runner signals the script); the shell's builtin kill,
        // since a minimal machine has no kill program
        using (var kill = Process.Start("/bin/sh", ["-c", $"kill -INT {pwsh}"]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var exitDeadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        exitDeadline.CancelAfter(Deadline.Generous);
        await run.WaitForExitAsync(exitDeadline.Token);

        // Then the script passed the interrupt on, so the test run could clean up, and did not report a green run
        Assert.True(File.Exists(script.In("interrupted")), $"the test run was not interrupted\n{await output}\n{await errors}");
        Assert.Equal(130, run.ExitCode);
    }

    [Fact]
    public async Task The_target_app_and_the_own_app_example_are_built_with_the_suite_so_a_fresh_clone_can_run_the_emulated_backend()
    {
        // Given
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();
        script.Environment["FAKE_RECORDS"] = TestData.Folder("run-emulated");

        // When
        var result = await script.RunAsync("-Backend", "emulated", "-ReportDir", script.In("report"));

        // Then
        Assert.Equal(0, result.ExitCode);
        var builds = script.Calls.Where(c => c.StartsWith("build ", StringComparison.Ordinal)).ToList();
        Assert.Contains(builds, c => c.Contains("target-app/ProbeHarness.TargetApp.csproj", StringComparison.Ordinal));
        Assert.Contains(builds, c => c.Contains("examples/own-app/src/OwnApp.csproj", StringComparison.Ordinal));
        Assert.Contains(builds, c => c.Contains("steps/ProbeHarness.Steps.csproj", StringComparison.Ordinal));
        Assert.Contains("built ProbeHarness.TargetApp in ", result.Stdout, StringComparison.Ordinal);
        var testCall = script.Calls.ToList().FindIndex(c => c.StartsWith("test ", StringComparison.Ordinal));
        Assert.True(testCall > script.Calls.ToList().FindLastIndex(c => c.StartsWith("build ", StringComparison.Ordinal)), "the suite ran before every build ended");
    }

    [Fact]
    public async Task Live_progress_shows_this_runs_lines_and_none_of_the_last_runs()
    {
        // Given the progress file a previous run left
        RunTestsScript.SkipUnlessRunnable();
        using var script = new RunTestsScript();
        Directory.CreateDirectory(script.In("artifacts"));
        File.WriteAllText(script.In("artifacts", "progress.log"), "05:00:00 waiting for restart of pod 1 (the last run)\n");
        script.Environment["FAKE_RECORDS"] = TestData.Folder("run-emulated");
        script.Environment["FAKE_PROGRESS_LINE"] = "06:00:00 waiting for restart of pod 1 (this run)";

        // When
        var result = await script.RunAsync("-Backend", "emulated", "-ReportDir", script.In("report"));

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(this run)", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("(the last run)", result.Stdout, StringComparison.Ordinal);
    }
}
