/** 在线申报: an applicant files an application for one published item (channel online). */
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, Breadcrumb, Button, Card, Descriptions, Input, Result, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { FileDoneOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import type { PublicGuide } from '../../api/types';
import { type NewCaseBody, type NewCaseResponse, type UploadedFile } from '../../api/cases';
import { FullPageSpin, useSession } from '../../auth/session';
import { MaterialFlags } from '../../components/CaseTags';
import { MaterialUpload } from '../../components/MaterialUpload';
import { LicenceChoice, useUsableLicences } from '../../components/LicenceMaterial';
import { detailLines, errorText } from '../../lib/feedback';
import { formatLimit, SERVED_PARTY_LABELS } from '../../lib/labels';
import type { Material } from '../../../../src/catalog/types';
import { fillNodes, useT } from '../../lib/i18n';
import { localToday } from '../../lib/identity';
import { idNumberMessage } from '../../../../src/core/identity/index';

export function ApplyPage() {
  const t = useT();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<Record<string, UploadedFile | null>>({});
  /** 免证办: materials the applicant consents to take from their e-licence instead of an upload. */
  const [consents, setConsents] = useState<Record<string, boolean>>({});
  /** 结婚登记 and the like: the other party, checked by the shared identity rules before submit. */
  const [co, setCo] = useState<{ name: string; idNumber: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [created, setCreated] = useState<NewCaseResponse | null>(null);

  const guide = useQuery({
    queryKey: ['guide', code],
    queryFn: ({ signal }) => api.get<PublicGuide>(`/api/public/items/${encodeURIComponent(code)}`, undefined, signal),
  });
  const usable = useUsableLicences(code);
  const fromLicence = (id: string) => !!usable[id] && !!consents[id];

  useEffect(() => {
    document.title = guide.data ? t('在线申报 · {name}', { name: guide.data.name }) : t('在线申报 · 政务服务中心');
  }, [guide.data]);

  const missingRequired = useMemo(
    () => (guide.data?.materials ?? []).filter((m) => m.required === 'required' && m.source !== 'sharing' && !files[m.id] && !fromLicence(m.id)),
    [guide.data, files, usable, consents],
  );

  const coRule = guide.data?.coApplicants;
  const coPeople = coRule ? Array.from({ length: Math.max(coRule.min, co.length, 1) }, (_, i) => co[i] ?? { name: '', idNumber: '' }) : [];
  const coProblem = coPeople.map((p) => (!p.name.trim() ? t('请填写共同申请人姓名') : idNumberMessage(p.idNumber.trim(), localToday()) ? t(idNumberMessage(p.idNumber.trim(), localToday())!) : null));

  if (guide.isLoading || !user) return <FullPageSpin />;
  if (guide.isError) {
    const notFound = guide.error instanceof ApiError && guide.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('事项不存在或未发布') : t('加载失败')}
        subTitle={errorText(guide.error)}
        extra={<Button onClick={() => navigate('/')}>{t('返回办事指南')}</Button>}
      />
    );
  }
  const g = guide.data!;
  const kind = user.applicantKind ?? 'person';
  const kindMismatch = g.servedParty !== 'both' && g.servedParty !== kind;

  const submit = async () => {
    setBusy(true);
    setError(null);
    const body: NewCaseBody = {
      itemCode: g.code,
      channel: 'online',
      // No applicant: the server files online applications under the account's own identity.
      ...(coPeople.length ? { coApplicants: coPeople.map((p) => ({ name: p.name.trim(), idNumber: p.idNumber.trim().toUpperCase() })) } : {}),
      formData: description.trim() ? { description: description.trim() } : {},
      materials: [
        ...Object.entries(files)
          .filter((e): e is [string, UploadedFile] => !!e[1] && !fromLicence(e[0]))
          .map(([materialId, f]) => ({ materialId, fileId: f.id })),
        ...Object.keys(usable).filter(fromLicence).map((materialId) => ({ materialId, licenceId: usable[materialId].id, consent: true as const })),
      ],
    };
    try {
      setCreated(await api.post<NewCaseResponse>('/api/cases', body));
      window.scrollTo({ top: 0 });
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <div className="bs-page" data-testid="apply-success">
        <Card>
          <Result
            status="success"
            title={t('申请已提交')}
            subTitle={t('「{name}」的申请已提交至{v1}，窗口工作人员审查材料后将予以受理或一次性告知需补正的材料。', { name: g.name, v1: g.department?.name ?? t('承办部门') })}
            extra={[
              <Button type="primary" key="view" onClick={() => navigate(`/cases/${created.id}`)} data-testid="apply-view-case">
                {t('查看办件')}
              </Button>,
              <Button key="mine" onClick={() => navigate('/my/cases')} data-testid="apply-my-cases">
                {t('我的办件')}
              </Button>,
              <Button key="progress" onClick={() => navigate(`/progress?caseNo=${encodeURIComponent(created.caseNo)}&queryCode=${encodeURIComponent(created.queryCode)}`)}>
                {t('进度查询')}
              </Button>,
            ]}
          >
            <Descriptions bordered column={1} size="middle" style={{ maxWidth: 520, margin: '0 auto' }}>
              <Descriptions.Item label={t('办件编号')}>
                <Typography.Text strong copyable data-testid="apply-case-no">
                  {created.caseNo}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('查询码')}>
                <Typography.Text strong copyable data-testid="apply-query-code">
                  {created.queryCode}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 12, marginBottom: 0 }}>
              {t('请妥善保存办件编号和查询码，可凭此在“进度查询”中查看办理进度。')}
            </Typography.Paragraph>
          </Result>
        </Card>
      </div>
    );
  }

  return (
    <div className="bs-page" data-testid="apply-page">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/">{t('办事指南')}</Link> }, { title: <Link to={`/guide/${encodeURIComponent(g.code)}`} translate="no">{g.name}</Link> }, { title: t('在线申报') }]}
      />
      <div className="bs-page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="apply-title">
            {t('在线申报：')}<span translate="no">{g.name}</span>
          </Typography.Title>
          <Typography.Text type="secondary">
            <span translate="no">{g.department?.name}</span>{' '}{t('· 事项编码')}{' '}{g.code}{' '}{t('· 承诺时限')}{' '}{formatLimit(g.promisedLimit)}
          </Typography.Text>
        </div>
      </div>

      {kindMismatch && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('该事项的服务对象为“{v0}”，与您的账户类型不符，提交可能被拒绝。', { v0: SERVED_PARTY_LABELS[g.servedParty] })}
        />
      )}

      <Card title={t('申请人')} size="small" className="bs-section">
        <Descriptions column={{ xs: 1, md: 3 }} size="small" data-testid="apply-applicant">
          <Descriptions.Item label={t('申请人')}>
            <span data-testid="apply-applicant-name" translate="no">{user.displayName}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('申请人类型')}>{kind === 'organization' ? t('法人或其他组织') : t('自然人')}</Descriptions.Item>
          <Descriptions.Item label={t('登录账户')}>{user.username}</Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('证件号码、联系电话以实名认证账户登记的信息为准，不需重复填写。')}
        </Typography.Text>
      </Card>

      {coRule && (
        <Card title={coRule.label} size="small" className="bs-section" data-testid="apply-co-applicants">
          {coPeople.map((p, i) => (
            <Space key={i} align="start" wrap style={{ marginBottom: 8 }}>
              <Input placeholder={t('姓名')} value={p.name} maxLength={100} data-testid={`apply-co-name-${i}`}
                onChange={(e) => setCo(coPeople.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
              <Input placeholder={t('身份证号')} value={p.idNumber} maxLength={18} data-testid={`apply-co-id-${i}`} status={p.idNumber && coProblem[i] ? 'error' : undefined}
                onChange={(e) => setCo(coPeople.map((x, j) => (j === i ? { ...x, idNumber: e.target.value } : x)))} />
              {p.idNumber && coProblem[i] && <Typography.Text type="danger">{coProblem[i]}</Typography.Text>}
            </Space>
          ))}
        </Card>
      )}

      <Card title={t('申请事项说明')} size="small" className="bs-section">
        <Input.TextArea
          rows={4}
          maxLength={2000}
          showCount
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          placeholder={t('请简要说明申请事由、家庭或经营情况等（选填）')}
          data-testid="apply-description"
        />
      </Card>

      <Card
        title={t('申请材料')}
        size="small"
        className="bs-section"
        extra={<Typography.Text type="secondary">{t('支持 PDF、JPG、PNG，单个文件不超过 10MB')}</Typography.Text>}
      >
        <ResponsiveTable<Material>
          scroll={{ x: 720 }}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={g.materials}
          data-testid="apply-materials"
          onRow={(m) => ({ 'data-testid': `apply-material-${m.id}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('序号'), key: 'no', width: 60, responsive: ['md'], render: (_: unknown, __: Material, i: number) => i + 1 },
            {
              title: t('材料名称'),
              dataIndex: 'name',
              render: (name: string, m) => (
                <div translate="no">
                  <div>{name}</div>
                  {m.note && (
                    <Typography.Text type="secondary" className="bs-note">
                      {m.note}
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            {
              title: t('要求'),
              key: 'flags',
              width: 260,
              render: (_: unknown, m) => <MaterialFlags required={m.required} major={m.major} source={m.source} condition={m.condition} />,
            },
            {
              title: t('上传'),
              key: 'upload',
              width: 320,
              render: (_: unknown, m) =>
                m.source === 'sharing' ? (
                  <Tag color="green" data-testid={`apply-shared-${m.id}`}>
                    {t('部门共享免提交')}{m.sourceAgency ? <span translate="no">（{m.sourceAgency}）</span> : ''}
                  </Tag>
                ) : (
                  <Space direction="vertical">
                    {usable[m.id] && (
                      <LicenceChoice testId={`apply-licence-${m.id}`} licence={usable[m.id]} consent={!!consents[m.id]} onChange={(v) => setConsents((s) => ({ ...s, [m.id]: v }))} />
                    )}
                    {!fromLicence(m.id) && (
                      <MaterialUpload testId={`apply-upload-${m.id}`} value={files[m.id]} onChange={(f) => setFiles((s) => ({ ...s, [m.id]: f }))} />
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>

      {missingRequired.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="apply-missing-hint"
          title={fillNodes(t('还需上传{n}项必要材料后才能提交：{v0}。', { n: missingRequired.length }), { v0: <span translate="no">{missingRequired.map((m) => m.name).join('、')}</span> })}
          description={t('部门共享的材料无需上传；申请材料齐全后方可提交，窗口工作人员审查后予以受理或一次性告知需补正的内容。')}
        />
      )}

      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="apply-error"
          title={errorText(error)}
          description={error instanceof ApiError && (error.code === 'validation_failed' || error.code === 'materials_incomplete') && error.details.length ? detailLines(error).join('；') : undefined}
        />
      )}

      <div className="bs-form-footer">
        <Space wrap>
          <Button
            type="primary"
            size="large"
            icon={<SendOutlined />}
            loading={busy}
            disabled={missingRequired.length > 0 || coProblem.some((x) => x !== null)}
            onClick={() => void submit()}
            data-testid="apply-submit"
          >
            {t('提交申请')}
          </Button>
          <Button size="large" icon={<FileDoneOutlined />} onClick={() => navigate(`/guide/${encodeURIComponent(g.code)}`)}>
            {t('返回办事指南')}
          </Button>
        </Space>
      </div>
    </div>
  );
}
