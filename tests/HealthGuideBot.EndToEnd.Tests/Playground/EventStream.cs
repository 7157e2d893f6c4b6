using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace HealthGuideBot.EndToEnd.Tests.Playground;

/// <summary>
/// A Playground websocket read into an append-only list; waiters wake on every append (a signal, not a poll) and
/// fail at once if the socket closes, so a crashed Playground fails tests fast rather than at their time-outs.
/// </summary>
internal sealed class EventStream<T> : IAsyncDisposable
    where T : class
{
    private readonly ClientWebSocket _socket;
    private readonly Func<JsonElement, T?> _parse;
    private readonly Uri _uri;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly List<T> _items = [];
    private TaskCompletionSource _changed = NewSignal();
    private string? _closed;
    private Task _reader = Task.CompletedTask;

    private EventStream(ClientWebSocket socket, Uri uri, Func<JsonElement, T?> parse)
    {
        _socket = socket;
        _uri = uri;
        _parse = parse;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public static async Task<EventStream<T>> OpenAsync(Uri uri, Func<JsonElement, T?> parse, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            socket.Dispose();
            throw new InvalidOperationException($"Could not open the Playground websocket {uri}: {e.Message}", e);
        }

        var stream = new EventStream<T>(socket, uri, parse);
        stream._reader = Task.Run(stream.ReadAsync, CancellationToken.None);
        return stream;
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    public async Task<T> WaitAsync(Func<T, bool> predicate, int from, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var next = from;
        while (true)
        {
            Task changed;
            string? closed;
            lock (_gate)
            {
                for (; next < _items.Count; next++)
                {
                    if (predicate(_items[next]))
                    {
                        return _items[next];
                    }
                }

                changed = _changed.Task;
                closed = _closed;
            }

            if (closed is not null)
            {
                throw new InvalidOperationException($"Waiting for {what}: the Playground websocket {_uri} closed ({closed}).");
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No {what} within {timeout.TotalSeconds:0.#} s ({Count - from} other events arrived meanwhile).");
            }
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var reason = "the Playground closed it";
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer.GetMemory(16 * 1024), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                buffer.Advance(result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                using (var document = JsonDocument.Parse(buffer.WrittenMemory))
                {
                    if (_parse(document.RootElement) is { } item)
                    {
                        Publish(item);
                    }
                }

                buffer.ResetWrittenCount();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            reason = "the test client stopped";
        }
        catch (Exception e) when (e is WebSocketException or JsonException)
        {
            reason = e.Message;
        }
        finally
        {
            TaskCompletionSource signal;
            lock (_gate)
            {
                _closed = reason;
                signal = _changed;
            }

            signal.TrySetResult();
        }
    }

    private void Publish(T item)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _items.Add(item);
            signal = _changed;
            _changed = NewSignal();
        }

        signal.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        finally
        {
            _socket.Abort();
            _socket.Dispose();
            _stop.Dispose();
        }
    }
}
