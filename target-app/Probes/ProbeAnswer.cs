using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Http;

namespace ProbeHarness.TargetApp.Probes;

/// <summary>Writes a probe verdict as the HTTP probe endpoints answer it: status, <c>Location</c> for a redirect, and the small JSON body.</summary>
public static class ProbeAnswer
{
    /// <summary>Answers <paramref name="verdict"/> for a probe of <paramref name="kind"/> (not for Hang, which never answers).</summary>
    public static Task WriteAsync(HttpContext context, ProbeKind kind, ProbeVerdict verdict)
    {
        if (verdict.Action == ProbeAction.Redirect)
        {
            context.Response.Headers.Location = verdict.Location;
        }

        return JsonResponse.WriteAsync(context, verdict.StatusCode, json =>
        {
            json.WriteString("probe", kind.Name());
            json.WriteString("status", verdict.IsHealthy ? "ok" : "fail");
            json.WriteString("reason", verdict.Reason);
        });
    }
}
