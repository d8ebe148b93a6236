/**
 * The spoken call: a chime (WebAudio) then the text twice in a zh-CN voice
 * (speechSynthesis). Calls queue up so two windows calling at once are both heard.
 * Browsers allow sound only after a user gesture: the board has an "enable" button.
 */
let audio: AudioContext | null = null;
let queue: Promise<void> = Promise.resolve();

export function enableSound(): void {
  const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (Ctx && !audio) audio = new Ctx();
  void audio?.resume();
}

/** A zh voice on this device, if any (voices load asynchronously in some browsers). */
export function zhVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return speechSynthesis.getVoices().find((v) => v.lang.replace('_', '-').toLowerCase().startsWith('zh-cn')) ?? speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('zh')) ?? null;
}

function chime(): Promise<void> {
  if (!audio) return Promise.resolve();
  const t0 = audio.currentTime;
  // Two falling tones (a "ding-dong"), as hall call systems do.
  for (const [i, f] of [659.25, 523.25].entries()) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = f;
    gain.gain.setValueAtTime(0.0001, t0 + i * 0.45);
    gain.gain.exponentialRampToValueAtTime(0.4, t0 + i * 0.45 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + i * 0.45 + 0.6);
    osc.connect(gain).connect(audio.destination);
    osc.start(t0 + i * 0.45);
    osc.stop(t0 + i * 0.45 + 0.65);
  }
  return new Promise((r) => setTimeout(r, 1100));
}

function say(text: string, voice: SpeechSynthesisVoice | null): Promise<void> {
  return new Promise((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'zh-CN';
    try { if (voice) u.voice = voice; } catch { /* not a voice of this engine: the lang picks one */ }
    u.rate = 0.9;
    u.onend = () => resolve();
    u.onerror = () => resolve();
    speechSynthesis.speak(u);
    // A stuck engine must not stop the queue.
    setTimeout(resolve, 15_000);
  });
}

/** Chime, then the text twice. Returns false when the device has no speech synthesis at all. */
export function announce(text: string): boolean {
  if (typeof speechSynthesis === 'undefined') return false;
  queue = queue.then(async () => {
    await chime();
    const voice = zhVoice();
    await say(text, voice);
    await say(text, voice);
  });
  return true;
}
