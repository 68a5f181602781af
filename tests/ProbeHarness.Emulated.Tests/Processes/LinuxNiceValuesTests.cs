using ProbeHarness.Emulated.Processes;

namespace ProbeHarness.Emulated.Tests.Processes;

// Alone: the emulated backend's tests in this process raise every thread of it (CpuPriority), which would overwrite a
// nice value these tests set and read back.
[Collection(nameof(LinuxNiceValuesTests))]
public sealed class LinuxNiceValuesTests
{
    // Raising a nice value (lower priority) needs no privilege, so these run everywhere.
    private const int Lowered = 7;

    [Fact]
    public void Nice_is_per_thread_and_a_new_thread_inherits_its_creator_s()
    {
        // Given
        var nice = LinuxNiceValues.Instance;
        var testThread = CurrentThreadId();
        int? creator = null, created = null, other = null;

        // When: one thread lowers itself, then starts another.
        var thread = new Thread(() =>
        {
            Assert.Equal(0, nice.SetThread(0, Lowered));
            creator = nice.GetThread(CurrentThreadId());
            other = nice.GetThread(testThread);
            var child = new Thread(() => created = nice.GetThread(0));
            child.Start();
            child.Join();
        });
        thread.Start();
        thread.Join();

        // Then
        Assert.Equal(Lowered, creator);
        Assert.Equal(Lowered, created);
        Assert.NotEqual(Lowered, other);
    }

    [Fact]
    public void A_nice_of_minus_one_is_a_value_not_an_error()
    {
        Assert.SkipUnless(Support.Privileges.MayRaisePriority, Support.Privileges.NeedsSysNice);

        // Given: getpriority(2) returns -1 both for nice -1 and for an error.
        var nice = LinuxNiceValues.Instance;
        int? read = null;

        // When
        var thread = new Thread(() =>
        {
            Assert.Equal(0, nice.SetThread(0, -1));
            read = nice.GetThread(0);
        });
        thread.Start();
        thread.Join();

        // Then
        Assert.Equal(-1, read);
    }

    [Fact]
    public void Lists_this_process_s_threads()
    {
        // Given
        var nice = LinuxNiceValues.Instance;

        // When
        var threads = nice.ThreadIds();

        // Then
        Assert.Contains(Environment.ProcessId, threads);
        Assert.Contains(CurrentThreadId(), threads);
    }

    [Fact]
    public void A_thread_that_has_ended_has_no_nice_value()
    {
        // Given
        var ended = 0;
        var thread = new Thread(() => ended = CurrentThreadId());
        thread.Start();
        thread.Join();

        // When
        var value = WaitUntilGone(ended);

        // Then
        Assert.Null(value);
    }

    private static int? WaitUntilGone(int threadId)
    {
        // Join returns before the kernel has reaped the thread: wait on /proc, with a deadline.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Directory.Exists($"/proc/self/task/{threadId}") && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        return LinuxNiceValues.Instance.GetThread(threadId);
    }

    private static int CurrentThreadId() => int.Parse(Path.GetFileName(new FileInfo("/proc/thread-self").LinkTarget!), System.Globalization.CultureInfo.InvariantCulture);
}
