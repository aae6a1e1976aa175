using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace AuthService.Adapters.Crypto.Passwords;

/// <summary>
/// Dedicated threads for Argon2id, one per hashing slot, at a lower scheduling priority (nice 10
/// on Linux) than the threads that serve requests. A login flood keeps every slot busy and would
/// otherwise take the cores from everything else; this way a request that needs little CPU (a
/// token check, a refresh) runs first whenever it is ready, and the hashes get the rest. They still
/// get every core when nothing else needs one, and they never take thread-pool threads.
/// </summary>
internal sealed class HashingThreads : IDisposable
{
    private const int Nice = 10;
    private readonly BlockingCollection<Action> _work = [];

    public HashingThreads(int count)
    {
        for (var i = 0; i < count; i++)
        {
            new Thread(Run) { IsBackground = true, Name = "argon2-" + i }.Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a hashing thread; the caller holds a slot, so it never queues long.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(
            () =>
            {
                try
                {
                    done.SetResult(work());
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            },
            CancellationToken.None);
        return done.Task;
    }

    public void Dispose() => _work.CompleteAdding();

    private void Run()
    {
        LowerPriority();
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }

    // Linux gives each thread its own nice value; raising it needs no privilege. Elsewhere, or
    // when refused, the thread simply keeps the normal priority.
    private static void LowerPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = SetPriority(0 /* PRIO_PROCESS */, GetTid(), Nice);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No glibc: keep the default priority.
        }
    }

    // Plain int arguments: nothing to marshal, so classic P/Invoke needs no unsafe code.
    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetTid();
}
