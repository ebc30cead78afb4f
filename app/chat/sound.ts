// A short two-tone chime made with WebAudio, so no sound file is downloaded.
// Browsers allow audio only after the visitor has interacted with the page:
// prime() runs on the first key press or tap.
export function createChime() {
  let ctx: AudioContext | null = null;
  return {
    prime() {
      try {
        ctx ??= new AudioContext();
        if (ctx.state === "suspended") void ctx.resume();
      } catch {
        ctx = null;
      }
    },
    play() {
      if (!ctx || ctx.state !== "running") return;
      const t = ctx.currentTime;
      [660, 880].forEach((freq, i) => {
        const osc = ctx!.createOscillator();
        const gain = ctx!.createGain();
        const start = t + i * 0.12;
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.12, start + 0.015);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.22);
        osc.connect(gain).connect(ctx!.destination);
        osc.start(start);
        osc.stop(start + 0.25);
      });
    },
  };
}
