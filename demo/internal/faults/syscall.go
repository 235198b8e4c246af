package faults

import (
	"context"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// syscall: handlers block in real blocking system calls. While on, each request does
// `parallel` concurrent read(2)s on blocking pipes (as a handler reading a slow device, a
// blocking file or a cgo call would); a timer writes one byte into each pipe after `block`, which
// ends the read. A goroutine in a blocking syscall keeps its OS thread, and the runtime hands
// its P to another thread, so go_threads rises with the number of concurrently blocked calls
// while CPU does not (the requests are waiting, not computing). go_threads counts threads ever
// created: it stays at its high-water mark after off, as in any Go service.
func init() {
	register(Fault{
		Name:        "syscall",
		Description: "blocking syscalls in the request path: each request blocks in read(2) on pipes for block, parallel at a time",
		Params: []Param{
			{Name: "block", Default: "50ms", Help: "how long each blocking read(2) waits (max 2s)"},
			{Name: "parallel", Default: "8", Help: "concurrent blocking reads per request (1-64)"},
			{Name: "max_blocked", Default: "256", Help: "cap on reads blocked at once across all requests (bounds the threads created; 1-1024)"},
		},
		Start: startSyscall,
	})
	registerRequestHook(syscallRequestPath)
}

type syscallConfig struct {
	block    time.Duration
	parallel int
	slots    chan struct{} // one token per read allowed to block at once
}

var syscallCfg atomic.Pointer[syscallConfig]

func startSyscall(p Params) (func(context.Context), error) {
	block, err := p.Duration("block", time.Millisecond, 2*time.Second)
	if err != nil {
		return nil, err
	}
	parallel, err := p.Int("parallel", 1, 64)
	if err != nil {
		return nil, err
	}
	maxBlocked, err := p.Int("max_blocked", 1, 1024)
	if err != nil {
		return nil, err
	}
	cfg := &syscallConfig{block: block, parallel: parallel, slots: make(chan struct{}, maxBlocked)}
	return func(ctx context.Context) {
		syscallCfg.Store(cfg)
		<-ctx.Done()
		// Requests already inside finish their reads: every timer fires within block.
		syscallCfg.CompareAndSwap(cfg, nil)
	}, nil
}

func syscallRequestPath(ctx context.Context) error {
	cfg := syscallCfg.Load()
	if cfg == nil {
		return nil
	}
	var wg sync.WaitGroup
	errs := make(chan error, cfg.parallel)
	for i := 0; i < cfg.parallel; i++ {
		select {
		case cfg.slots <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return ctx.Err()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-cfg.slots }()
			if err := blockingPipeRead(cfg.block); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

// blockingPipeRead blocks the calling thread in read(2) for about d. The pipe is created
// without O_NONBLOCK, so the read is a true blocking syscall (an *os.File pipe would park the
// goroutine in the netpoller instead, using no thread).
func blockingPipeRead(d time.Duration) error {
	var fds [2]int
	if err := syscall.Pipe2(fds[:], syscall.O_CLOEXEC); err != nil {
		return err
	}
	r, w := fds[0], fds[1]
	wrote := make(chan struct{})
	t := time.AfterFunc(d, func() {
		_, _ = syscall.Write(w, []byte{1})
		close(wrote)
	})
	var buf [1]byte
	_, err := syscall.Read(r, buf[:])
	for err == syscall.EINTR {
		_, err = syscall.Read(r, buf[:])
	}
	if !t.Stop() {
		<-wrote // never close w under a pending write: the fd number could be reused
	}
	syscall.Close(r)
	syscall.Close(w)
	return err
}
