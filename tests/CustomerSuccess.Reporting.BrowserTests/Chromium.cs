using System;
using System.Diagnostics;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace CustomerSuccess.Reporting.BrowserTests;

/// <summary>Headless Chromium run as a process: a page's DOM after load, a screenshot, a printed PDF, and what it logged.</summary>
internal static class Chromium
{
    private static readonly string Executable = Find();

    /// <summary>The DOM after the page loaded, and Chromium's log (console messages and policy violations land there).</summary>
    public static (string Dom, string Log) DumpDom(string page) => Run("--dump-dom", "--enable-logging=stderr", "--v=0", new Uri(page).AbsoluteUri);

    public static void Screenshot(string page, string png, int width, int height) =>
        Run($"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(page).AbsoluteUri);

    public static void PrintToPdf(string page, string pdf) => Run($"--print-to-pdf={pdf}", "--no-pdf-header-footer", new Uri(page).AbsoluteUri);

    /// <summary>
    /// The requests the page made while it loaded, read from Chromium's network log: every URL request started with the
    /// page as its initiator (a file page's origin is opaque, "null"). Chromium's own background traffic (update checks,
    /// dictionaries) has no origin and is not the page's.
    /// </summary>
    public static IReadOnlyList<string> PageRequests(string page)
    {
        string log = Path.Combine(Path.GetTempPath(), $"cs-netlog-{Guid.NewGuid():N}.json");
        try
        {
            Run("--dump-dom", "--disable-background-networking", $"--log-net-log={log}", new Uri(page).AbsoluteUri);
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(log), new JsonDocumentOptions { AllowTrailingCommas = true });
            int start = json.RootElement.GetProperty("constants").GetProperty("logEventTypes").GetProperty("URL_REQUEST_START_JOB").GetInt32();
            var requests = new List<string>();
            foreach (JsonElement e in json.RootElement.GetProperty("events").EnumerateArray())
            {
                if (e.GetProperty("type").GetInt32() == start && e.TryGetProperty("params", out JsonElement p) && p.TryGetProperty("url", out JsonElement url)
                    && !(p.TryGetProperty("initiator", out JsonElement initiator) && initiator.GetString() == "not an origin"))
                {
                    requests.Add(url.GetString()!);
                }
            }

            return requests;
        }
        finally
        {
            File.Delete(log);
        }
    }

    private static (string Output, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium {string.Join(' ', args)} did not finish in two minutes.");
        }

        return (output, error.Result);
    }

    private static string Find()
    {
        foreach (string name in new[] { "chromium", "chromium-browser", "google-chrome" })
        {
            foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                string path = Path.Combine(folder, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new InvalidOperationException("No Chromium on the PATH: install the distribution's package (apt-get install chromium); .ci/run does.");
    }
}
