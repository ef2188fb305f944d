import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { qrFrameReader, receiptTokenFromQr } from './qr-scan.ts';

/** How often a frame is read: often enough to feel instant, rare enough to leave the CPU be. */
const SCAN_EVERY_MS = 250;

type Camera = 'starting' | 'on' | 'unavailable';

/**
 * Look a dossier up by holding the receipt's QR code to the kiosk's camera (docs/domain/kiosks.md,
 * "Receipt tokens"). The code carries an opaque token, looked up on /track like code and digits;
 * a code that is not one of our receipts is told so, and typing the code on the keypad is always
 * one touch away. The camera stops when the page is left.
 */
export const KioskScanPage = () => {
  const { t } = useTranslation('kiosk');
  usePageTitle(t('scan.title'));
  const navigate = useNavigate();
  const video = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<Camera>('starting');
  const [foreign, setForeign] = useState(false);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera API');
      const [media, reader] = await Promise.all([navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false }), qrFrameReader()]);
      stream = media;
      if (stopped || !video.current) {
        media.getTracks().forEach((track) => track.stop());
        return;
      }
      video.current.srcObject = media;
      await video.current.play().catch(() => undefined);
      setCamera('on');
      const tick = async () => {
        if (stopped || !video.current) return;
        const text = await reader.read(video.current).catch(() => null);
        if (stopped) return;
        if (text !== null) {
          const token = receiptTokenFromQr(text, window.location.origin);
          if (token) {
            void navigate(`/track?r=${encodeURIComponent(token)}`, { replace: true });
            return;
          }
          setForeign(true);
        }
        timer = setTimeout(() => void tick(), SCAN_EVERY_MS);
      };
      void tick();
    };
    start().catch(() => {
      if (!stopped) setCamera('unavailable');
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [navigate]);

  return (
    <div className="kiosk-scan">
      <h1>{t('scan.title')}</h1>
      <p className="lead">{t('scan.lead')}</p>
      {camera === 'unavailable' ? (
        <p className="error-summary kiosk-error" role="alert">
          {t('scan.noCamera')}
        </p>
      ) : (
        <div className="kiosk-scan__view">
          <video ref={video} muted playsInline aria-label={t('scan.camera')} />
          <p role="status" className={foreign ? 'error-summary kiosk-error' : 'hint'}>
            {camera === 'starting' ? t('scan.starting') : foreign ? t('scan.notOurs') : t('scan.looking')}
          </p>
        </div>
      )}
      <p>
        <Link className="button button--secondary kiosk-scan__type" to="/track" replace>
          {t('scan.type')}
        </Link>
      </p>
    </div>
  );
};
