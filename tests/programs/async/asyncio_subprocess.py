# asyncio's subprocess transport: fork_exec, pidfd child watching, pipes on the loop
import asyncio
import sys
from asyncio import subprocess as asp


async def main():
    p = await asyncio.create_subprocess_exec('/bin/echo', 'hi', 'there', stdout=asp.PIPE)
    out, err = await p.communicate()
    print('exec', out, err, p.returncode)

    p = await asyncio.create_subprocess_shell('cat; echo to-stderr >&2; exit 4',
                                              stdin=asp.PIPE, stdout=asp.PIPE, stderr=asp.PIPE)
    out, err = await p.communicate(b'data for cat\n')
    print('shell', out, err, p.returncode)

    p = await asyncio.create_subprocess_exec('sh', '-c', 'for i in 1 2 3; do echo line $i; done',
                                             stdout=asp.PIPE)
    lines = []
    async for line in p.stdout:
        lines.append(line.decode().strip())
    print('lines', lines, await p.wait())

    p = await asyncio.create_subprocess_exec('sleep', '30')
    p.kill()
    print('killed', await p.wait())

    p = await asyncio.create_subprocess_exec('sleep', '30')
    try:
        await asyncio.wait_for(p.wait(), 0.05)
    except TimeoutError:
        print('still running', p.returncode)
    p.terminate()
    print('terminated', await p.wait())

    # several children at once
    procs = [await asyncio.create_subprocess_exec('sh', '-c', f'exit {n}') for n in range(4)]
    print('codes', await asyncio.gather(*(q.wait() for q in procs)))

    try:
        await asyncio.create_subprocess_exec('/nonexistent/program')
    except FileNotFoundError as e:
        print(type(e).__name__, e.filename)

    p = await asyncio.create_subprocess_exec(sys.executable, '-c', 'print(input().upper())',
                                             stdin=asp.PIPE, stdout=asp.PIPE)
    out, _ = await p.communicate(b'interpreter child\n')
    print('python child', out, p.returncode)


asyncio.run(main())
