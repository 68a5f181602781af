namespace ProbeHarness.TargetApp.Proxy;

/// <summary>Finds the app's processes: the owners of a LISTEN socket on one of the given ports.</summary>
public interface IAppProcessFinder
{
    /// <summary>The processes (other than this one) that own a socket listening on one of <paramref name="ports"/>, or why none was found.</summary>
    AppProcessSearch Find(IReadOnlyList<int> ports);
}
