using ProbeHarness.TargetApp.Lifecycle;

namespace ProbeHarness.TargetApp.Tests.Lifecycle;

/// <summary>Runs counted over restarts, and the exit code of a run that ends by itself.</summary>
public sealed class RunCountTests
{
    [Fact]
    public void Each_run_is_counted_in_the_file_from_one()
    {
        // Given a count file that does not exist yet
        var file = Path.Combine(Path.GetTempPath(), $"run-count-{Guid.NewGuid():N}", "migrate.runs");
        try
        {
            // When three runs start
            var runs = new[] { RunCount.Next(file), RunCount.Next(file), RunCount.Next(file) };

            // Then they are runs 1, 2 and 3, and the file holds 3
            Assert.Equal([1, 2, 3], runs);
            Assert.Equal("3", File.ReadAllText(file));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Theory]
    [InlineData(1, 1, 3, 1)]
    [InlineData(2, 1, 3, 1)]
    [InlineData(3, 1, 3, 0)]
    [InlineData(4, 1, 3, 0)]
    [InlineData(1, 5, null, 5)]
    public void Runs_before_the_succeeding_one_exit_with_the_exit_code(int run, int exitCode, int? succeedFromRun, int expected)
    {
        // Given run n, EXIT_CODE and SUCCEED_FROM_RUN
        // When its exit code is chosen
        var code = RunCount.ExitCodeOf(run, exitCode, succeedFromRun);

        // Then runs before SUCCEED_FROM_RUN fail, the rest succeed
        Assert.Equal(expected, code);
    }
}
