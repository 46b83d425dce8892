# asyncio streams over TCP, timeouts, TaskGroup, cancellation and signal handlers
import asyncio
import os
import signal


async def streams():
    async def handle(reader, writer):
        while line := await reader.readline():
            writer.write(line.upper())
            await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for word in [b'alpha\n', b'beta\n']:
        writer.write(word)
        await writer.drain()
        print('echo', await reader.readline())
    writer.write_eof()
    print('eof', await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


async def timeouts():
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.02)
    except TimeoutError:
        print('wait_for timed out')
    try:
        async with asyncio.timeout(0.02):
            await asyncio.sleep(10)
    except TimeoutError:
        print('timeout() expired')
    print('in time', await asyncio.wait_for(asyncio.sleep(0, 'result'), 5))

    async def worker(name, delay):
        await asyncio.sleep(delay)
        return name
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(worker(n, d)) for n, d in [('a', 0.02), ('b', 0.01)]]
    print('taskgroup', [t.result() for t in tasks])

    async def failing():
        await asyncio.sleep(0.01)
        raise ValueError('boom')
    try:
        async with asyncio.TaskGroup() as tg:
            slow = tg.create_task(asyncio.sleep(10))
            tg.create_task(failing())
    except* ValueError as eg:
        print('group', [str(e) for e in eg.exceptions], slow.cancelled())

    async def cleanup_on_cancel():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print('cancelled inside')
            raise
        finally:
            print('finally runs')
    t = asyncio.create_task(cleanup_on_cancel())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('task cancelled', t.cancelled())


async def signals():
    loop = asyncio.get_running_loop()
    got = asyncio.Event()
    loop.add_signal_handler(signal.SIGUSR1, lambda: (print('SIGUSR1 handled'), got.set()))
    os.kill(os.getpid(), signal.SIGUSR1)
    await asyncio.wait_for(got.wait(), 5)
    print('removed', loop.remove_signal_handler(signal.SIGUSR1))


async def main():
    await streams()
    await timeouts()
    await signals()


asyncio.run(main())
